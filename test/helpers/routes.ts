import type { Hono } from 'hono'
import { publicPaths } from '../../src/app'
import type { AppEnv } from '../../src/env'
import { isPublicPath } from '../../src/lib/sessions'

/**
 * Every path the app registers for a method (enumerated from the app itself, so that routes
 * added later are covered), with each :parameter filled from the values given.
 */
export function registeredPaths(
  app: Hono<AppEnv>,
  method: 'GET' | 'POST',
  params: Record<string, string>,
  { includePublic = false } = {},
): string[] {
  const paths = app.routes
    .filter((r) => r.method === method && !r.path.includes('*'))
    .map((r) => r.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `unknown-${name}`))
  return [...new Set(paths)].filter((path) => includePublic || !isPublicPath(publicPaths, path))
}
