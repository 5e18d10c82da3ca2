import type { Hono } from 'hono'
import type { AppEnv } from '../../src/env'
import { testOrigin } from './requests'

/** A multipart form post with one file, as a browser on our own pages sends it. */
export function postFile(
  app: Hono<AppEnv>,
  path: string,
  file: { name: string; content: string; type?: string },
  fields: Record<string, string | string[]> = {},
  headers: Record<string, string> = {},
) {
  const body = new FormData()
  body.append(
    'file',
    new File([file.content], file.name, { type: file.type ?? 'application/json' }),
  )
  for (const [key, value] of Object.entries(fields))
    for (const one of Array.isArray(value) ? value : [value]) body.append(key, one)
  return app.request(path, {
    method: 'POST',
    body,
    headers: { Origin: testOrigin, 'Sec-Fetch-Site': 'same-origin', ...headers },
  })
}
