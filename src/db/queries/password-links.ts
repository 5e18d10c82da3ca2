import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../client'
import { passwordTokens, people, sessions } from '../schema'
import { hashToken, newToken } from '../tokens'
import { type Actor, auditInsert } from './audit'
import { keepShownLinks } from './shown-links'

/** How long a link to set a password stays usable. */
export const passwordLinkDays = 7

/** A new one-time token to set a password: itself, the digest that is kept, and when it runs out. */
export async function newPasswordToken(now: number) {
  const token = newToken()
  return {
    token,
    tokenHash: await hashToken(token),
    expiresAt: now + passwordLinkDays * 86_400_000,
  }
}

/**
 * A one-time link to set a password: its digest for good, and the link itself kept for the admin
 * who made it to come back to for a short time (`shownLinkHours`), under `keptAs`.
 */
export type NewPasswordLink = {
  token: string
  tokenHash: string
  expiresAt: number
  keptAs: string
}

export function passwordLinkStatements(
  db: Db,
  actor: Actor,
  personId: string,
  link: NewPasswordLink,
) {
  return [
    db.insert(passwordTokens).values({
      tokenHash: link.tokenHash,
      expiresAt: link.expiresAt,
      organisationId: actor.organisationId,
      personId,
    }),
    ...keepShownLinks(db, {
      id: link.keptAs,
      organisationId: actor.organisationId,
      madeBy: actor.actorId,
      kind: 'password',
      subjectId: personId,
      links: [{ token: link.token }],
      at: actor.at,
    }),
  ] as const
}

export async function addPasswordLink(
  db: Db,
  actor: Actor,
  personId: string,
  link: NewPasswordLink,
) {
  await db.batch([
    ...passwordLinkStatements(db, actor, personId, link),
    auditInsert(db, {
      ...actor,
      action: 'person.password-link',
      subjectType: 'person',
      subjectId: personId,
    }),
  ])
}

export async function getPasswordToken(db: Db, tokenHash: string, now: number) {
  const [row] = await db
    .select({
      personId: passwordTokens.personId,
      organisationId: passwordTokens.organisationId,
      expiresAt: passwordTokens.expiresAt,
      name: people.name,
      status: people.status,
    })
    .from(passwordTokens)
    .innerJoin(
      people,
      and(
        eq(people.id, passwordTokens.personId),
        eq(people.organisationId, passwordTokens.organisationId),
      ),
    )
    .where(and(eq(passwordTokens.tokenHash, tokenHash), isNull(passwordTokens.usedAt)))
  return row && row.expiresAt > now && row.status !== 'disabled' ? row : null
}

/** Uses the link once: the password is set, the person is active, and the link is spent. */
export async function setPasswordWithToken(
  db: Db,
  tokenHash: string,
  token: { personId: string; organisationId: string },
  passwordHash: string,
  now: number,
) {
  const spent = await db
    .update(passwordTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordTokens.tokenHash, tokenHash), isNull(passwordTokens.usedAt)))
    .returning({ tokenHash: passwordTokens.tokenHash })
  if (spent.length !== 1) return false
  await db.batch([
    db
      .update(people)
      .set({ passwordHash, status: 'active' })
      .where(and(eq(people.organisationId, token.organisationId), eq(people.id, token.personId))),
    // A new password ends every session of the old one.
    db
      .delete(sessions)
      .where(
        and(
          eq(sessions.organisationId, token.organisationId),
          eq(sessions.personId, token.personId),
        ),
      ),
    auditInsert(db, {
      organisationId: token.organisationId,
      actorId: token.personId,
      action: 'person.password-set',
      subjectType: 'person',
      subjectId: token.personId,
      at: new Date(now),
    }),
  ])
  return true
}
