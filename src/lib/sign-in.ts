import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { auditInsert } from '../db/queries/audit'
import { getPersonByEmail } from '../db/queries/people'
import { createSessionRow } from '../db/queries/sessions'
import { beginAttempt, endAttempt } from '../db/queries/sign-in-attempts'
import { hashToken, newToken } from '../db/tokens'
import type { AppEnv } from '../env'
import { verifyAgainstDecoy, verifyPassword } from './passwords'
import { setSessionCookie } from './sessions'

export const lockout = { failures: 5, windowMs: 15 * 60_000 }

export const suspendedMessage =
  'Your organisation’s use of this service is suspended, so no one of it can sign in. Ask the people who run the service for your organisation.'

/**
 * A new session for the person, and its cookie: a new token at every sign-in. Refused with 403
 * while their organisation is suspended.
 */
export async function startSession(
  c: Context<AppEnv>,
  { organisationId, personId }: { organisationId: string; personId: string },
) {
  const token = newToken()
  const made = await createSessionRow(c.var.db, {
    tokenHash: await hashToken(token),
    organisationId,
    personId,
    now: c.var.now(),
  })
  if (!made) throw new HTTPException(403, { message: suspendedMessage })
  setSessionCookie(c, token)
}

export type SignInOutcome = 'signed-in' | 'refused' | 'locked'

/**
 * Checks an email and password. Every failure on a known account is audited. An attempt is
 * counted in the database before its password is checked, and after five failed or unfinished in
 * fifteen minutes the account refuses further attempts, unchecked, until the oldest of them is
 * that old; however many are sent at once, at most five are checked. A refused attempt takes as
 * long as a wrong password, so the time of the answer does not tell which it was.
 */
export async function signIn(
  c: Context<AppEnv>,
  email: string,
  password: string,
): Promise<SignInOutcome> {
  const db = c.var.db
  const person = await getPersonByEmail(db, email)
  if (!person?.passwordHash || person.status !== 'active')
    return verifyAgainstDecoy(password, c.var.passwordCost).then(() => 'refused')
  const now = c.var.now()
  const attempt = {
    id: crypto.randomUUID(),
    organisationId: person.organisationId,
    personId: person.id,
    at: now,
  }
  const counted = await beginAttempt(db, attempt, {
    since: now - lockout.windowMs,
    most: lockout.failures,
  })
  if (!counted) return verifyAgainstDecoy(password, c.var.passwordCost).then(() => 'locked')
  const ok = await verifyPassword(password, person.passwordHash)
  const entry = {
    organisationId: person.organisationId,
    actorId: person.id,
    subjectType: 'person',
    subjectId: person.id,
    at: new Date(now),
  }
  await auditInsert(db, { ...entry, action: ok ? 'sign-in' : 'sign-in.failed' })
  if (!ok) return 'refused'
  await endAttempt(db, attempt.id)
  await startSession(c, { organisationId: person.organisationId, personId: person.id })
  return 'signed-in'
}
