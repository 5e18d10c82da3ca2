import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { HTTPException } from 'hono/http-exception'
import { getFirstOrganisation } from '../db/queries/organisations'
import { deleteSession, getSession, touchSession } from '../db/queries/sessions'
import { hashToken } from '../db/tokens'
import type { AppEnv, SessionPolicy, SignedInEnv } from '../env'

/** A session's last-seen time is written at most this often, to keep page views to reads. */
export const touchIntervalMs = 60_000

/** Whether a session is still in time by the policy: active lately, and not too old. */
export const inTime = (
  policy: SessionPolicy,
  session: { createdAt: number; lastSeenAt: number },
  now: number,
) => now - session.lastSeenAt <= policy.idleMs && now - session.createdAt <= policy.absoluteMs
const cookieName = 'session'

/** Over https a __Host- cookie (Secure, HttpOnly, SameSite=Lax); on plain-http localhost, a plain one. */
export const overHttps = (c: Context<AppEnv>) => c.var.origin.startsWith('https:')

export function setSessionCookie(c: Context<AppEnv>, token: string) {
  const options = { path: '/', httpOnly: true, sameSite: 'Lax' } as const
  if (overHttps(c)) setCookie(c, cookieName, token, { ...options, secure: true, prefix: 'host' })
  else setCookie(c, cookieName, token, options)
}

function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return overHttps(c) ? getCookie(c, cookieName, 'host') : getCookie(c, cookieName)
}

export function clearSessionCookie(c: Context<AppEnv>) {
  if (overHttps(c)) deleteCookie(c, cookieName, { path: '/', secure: true, prefix: 'host' })
  else deleteCookie(c, cookieName, { path: '/' })
}

/** Puts the signed-in person, their organisation and grants on the context, ending expired sessions. */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async function loadSession(c, next) {
    const policy = c.var.sessionPolicy
    const token = readSessionCookie(c)
    if (token) {
      const tokenHash = await hashToken(token)
      const found = await getSession(c.var.db, tokenHash)
      const now = c.var.now()
      const expired = found?.person.status !== 'active' || !inTime(policy, found, now)
      if (expired) {
        if (found) await deleteSession(c.var.db, tokenHash)
        clearSessionCookie(c)
      } else {
        if (now - found.lastSeenAt >= touchIntervalMs) await touchSession(c.var.db, tokenHash, now)
        c.set('signedIn', found)
        c.set('organisation', found.organisation)
      }
    }
    await next()
  }
}

/** A public path is named exactly, or by a prefix ending in /*. */
export const isPublicPath = (publicPaths: readonly string[], path: string) =>
  publicPaths.some((p) => (p.endsWith('/*') ? path.startsWith(p.slice(0, -1)) : p === path))

/**
 * Every path but the public ones needs a signed-in person (so a route added later is behind
 * sign-in unless it says otherwise): without a session, to setup (no organisation yet) or sign-in.
 */
export function requireSignIn({
  publicPaths,
}: {
  publicPaths: readonly string[]
}): MiddlewareHandler<AppEnv> {
  return async function requireSignIn(c, next) {
    if (c.var.signedIn || isPublicPath(publicPaths, c.req.path)) return next()
    const target =
      c.var.operatorEmail || (await getFirstOrganisation(c.var.db))
        ? `/sign-in?next=${encodeURIComponent(c.req.path)}`
        : '/setup'
    if (c.req.header('HX-Request') === 'true') return c.body(null, 200, { 'HX-Redirect': target })
    return c.redirect(target, 303)
  }
}

/**
 * A request on a path the sign-in guard keeps behind sign-in, typed as such for the helpers that
 * need the person and their organisation: a module shared with public paths narrows it here.
 */
export function signedInContext(c: Context<AppEnv>): Context<SignedInEnv> {
  if (!c.var.signedIn || !c.var.organisation) throw new HTTPException(401)
  return c as unknown as Context<SignedInEnv>
}
