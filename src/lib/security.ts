import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'

const self = "'self'"

/**
 * Headers on every response: a year of HSTS, and a policy that lets scripts and styles come only
 * from our own origin (htmx is configured so that it needs neither inline script nor eval).
 */
export function securityHeaders() {
  return secureHeaders({
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    referrerPolicy: 'same-origin',
    contentSecurityPolicy: {
      defaultSrc: [self],
      scriptSrc: [self],
      styleSrc: [self],
      imgSrc: [self, 'data:'],
      fontSrc: [self],
      connectSrc: [self],
      formAction: [self],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  })
}

/** The most a form may send: far more than any form here needs (a table of 300 teams with notes). */
export const formLimitBytes = 1_000_000

/** The largest file each upload takes: a CSV of rounds or metric values, a FHIR Questionnaire. */
export const csvFileBytes = 5_000_000
export const questionnaireFileBytes = 1_000_000

/**
 * The paths that take an upload, and the most each may send: the file's maximum and room for the
 * form around it.
 */
export const uploadLimitBytes: Readonly<Record<string, number>> = {
  '/rounds/import': csvFileBytes + 100_000,
  '/rounds/import/problems.csv': csvFileBytes + 100_000,
  '/strategy/values/upload': csvFileBytes + 100_000,
  '/instruments/import': questionnaireFileBytes + 100_000,
}

export const megabytes = (bytes: number) => `${Math.round(bytes / 100_000) / 10} MB`

const tooLarge = (limit: number) => (_: Context) => {
  throw new HTTPException(413, {
    message: `What was sent is larger than this page accepts (at most ${megabytes(limit)}), so nothing was saved. Go back and send less: a smaller file, or fewer or shorter entries.`,
  })
}

/**
 * Every request body is limited before it is read: by its stated length when it has one, and
 * counted as it arrives when it has not. A body over the limit gets a 413 page saying so.
 */
export function bodyLimits(): MiddlewareHandler {
  const limitOf = (path: string) => uploadLimitBytes[path] ?? formLimitBytes
  const counted = new Map(
    [...new Set([formLimitBytes, ...Object.values(uploadLimitBytes)])].map((limit) => [
      limit,
      bodyLimit({ maxSize: limit, onError: tooLarge(limit) }),
    ]),
  )
  // A GET or HEAD has no body, and a stated length is judged as stated (Node's parser reads no
  // more than it): asking for the body would make the Node server build the whole request object.
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const limit = limitOf(c.req.path)
    const stated = c.req.header('Content-Length')
    if (stated === undefined || c.req.header('Transfer-Encoding') !== undefined)
      return (counted.get(limit) as MiddlewareHandler)(c, next)
    if (Number.parseInt(stated, 10) > limit) return tooLarge(limit)(c)
    await next()
  }
}
