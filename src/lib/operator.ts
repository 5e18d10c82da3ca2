import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { HTTPException } from 'hono/http-exception'
import {
  createOperatorSession,
  deleteOperatorSession,
  getOperatorSession,
  touchOperatorSession,
} from '../db/queries/operator'
import { hashToken, newToken } from '../db/tokens'
import type { AppEnv } from '../env'
import { inTime, overHttps, touchIntervalMs } from './sessions'

const cookieName = 'operator'

export const operatorOnly =
  'Only the people who run this service can see this page. They sign in with a one-time link made on the server with the command npm run operator:link.'

/**
 * The operator's session cookie: its own name, so that it never stands for a person's session,
 * sent only to the operator's pages; over https `__Secure-` and Secure.
 */
function cookieOptions(c: Context<AppEnv>) {
  const options = { path: '/operator', httpOnly: true, sameSite: 'Strict' } as const
  return overHttps(c) ? { ...options, secure: true, prefix: 'secure' as const } : options
}

function readCookie(c: Context<AppEnv>) {
  return overHttps(c) ? getCookie(c, cookieName, 'secure') : getCookie(c, cookieName)
}

/** Signs the operator in: a new session, and its cookie, sent only to the operator's pages. */
export async function startOperatorSession(c: Context<AppEnv>, email: string) {
  const token = newToken()
  await createOperatorSession(c.var.db, {
    tokenHash: await hashToken(token),
    email,
    now: c.var.now(),
  })
  setCookie(c, cookieName, token, cookieOptions(c))
}

export async function endOperatorSession(c: Context<AppEnv>) {
  const token = readCookie(c)
  if (token) await deleteOperatorSession(c.var.db, await hashToken(token))
  deleteCookie(c, cookieName, cookieOptions(c))
}

/**
 * Lets a request through only from the signed-in operator: a session that is in time by the
 * session policy and was made for the operator's email as it is configured now (so changing it
 * ends every earlier session). With no operator configured, the operator's pages do not exist.
 */
export function requireOperator(): MiddlewareHandler<AppEnv> {
  return async function requireOperator(c, next) {
    const email = c.var.operatorEmail
    if (!email) throw new HTTPException(404)
    const token = readCookie(c)
    const tokenHash = token ? await hashToken(token) : undefined
    const found = tokenHash ? await getOperatorSession(c.var.db, tokenHash) : null
    const now = c.var.now()
    const valid = found !== null && found.email === email && inTime(c.var.sessionPolicy, found, now)
    if (!valid || !tokenHash) {
      if (found && tokenHash) await deleteOperatorSession(c.var.db, tokenHash)
      throw new HTTPException(403, { message: operatorOnly })
    }
    if (now - found.lastSeenAt >= touchIntervalMs)
      await touchOperatorSession(c.var.db, tokenHash, now)
    c.set('operator', { email })
    c.header('Cache-Control', 'no-store')
    await next()
  }
}
