import type { Hono } from 'hono'
import type { AppEnv } from '../../src/env'

export const testOrigin = 'http://localhost'

/** A form post as a browser on our own pages sends it (same origin). */
export function postForm(
  app: Hono<AppEnv>,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return app.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: testOrigin,
      'Sec-Fetch-Site': 'same-origin',
      ...headers,
    },
  })
}

export const htmxHeaders = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }
