import type { MiddlewareHandler } from 'hono'
import { findFirstOrganisation } from '../db/queries/organisations'
import type { AppEnv } from '../env'

/**
 * Puts the organisation every query of the request is scoped to on c.var.organisation; until one
 * exists, the visitor is sent to first-run setup.
 */
export function requireOrganisation(): MiddlewareHandler<AppEnv> {
  return async function requireOrganisation(c, next) {
    const organisation = await findFirstOrganisation(c.var.db)
    if (!organisation) return c.redirect('/setup', 303)
    c.set('organisation', organisation)
    await next()
  }
}
