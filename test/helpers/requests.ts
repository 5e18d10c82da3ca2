import type { Hono } from 'hono'
import type { AppEnv } from '../../src/env'

export const testOrigin = 'http://localhost'

/** Form fields; a list is sent as the same name repeated, as checkboxes send it. */
export type FormFields = Record<string, string | string[]>

/** A form post as a browser on our own pages sends it (same origin). */
export function postForm(
  app: Hono<AppEnv>,
  path: string,
  fields: FormFields,
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) {
    for (const one of ([] as string[]).concat(value)) body.append(name, one)
  }
  return app.request(path, {
    method: 'POST',
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: testOrigin,
      'Sec-Fetch-Site': 'same-origin',
      ...headers,
    },
  })
}

export const htmxHeaders = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }
