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
