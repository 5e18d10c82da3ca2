import type { Context } from 'hono'

export type RenderStatus = 200 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 500 | 503

/** An htmx request that swaps part of a page (not a boosted or full-page one). */
export function wantsFragment(c: Context): boolean {
  return c.req.header('HX-Request') === 'true' && c.req.header('HX-Request-Type') !== 'full'
}

/** Below this many bytes a response is sent as it is: compressing it would cost more than it saves. */
export const smallResponseBytes = 1024

/**
 * Markup as the response, its length stated when it is small: compression then passes it by (a
 * saved answer's status is 150 bytes), and the Node server writes it in one piece.
 */
export function htmlResponse(c: Context, markup: string, status: RenderStatus = 200) {
  if (markup.length < smallResponseBytes)
    c.header('Content-Length', String(new TextEncoder().encode(markup).byteLength))
  const res = c.html(markup, status)
  markupOf.set(res, markup)
  return res
}

/**
 * Each page's markup by its response, for a compressor to take as it is: reading it back out of
 * the response would convert and copy 100 KB of text once more.
 */
export const markupOf = new WeakMap<Response, string>()

/** After a successful form post: a 303 for a plain browser, HX-Redirect for htmx. */
export function redirectAfterPost(c: Context, location: string) {
  if (c.req.header('HX-Request') === 'true') {
    return c.body(null, 200, { 'HX-Redirect': location })
  }
  return c.redirect(location, 303)
}
