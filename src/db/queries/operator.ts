import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from '../client'
import { operatorSessions, operatorTokens } from '../schema'

/** How long the operator's sign-in link works: an hour. */
export const operatorLinkMinutes = 60

/** Keeps a new one-time sign-in link for the operator (only its digest). */
export async function addOperatorToken(
  db: Db,
  link: { tokenHash: string; email: string; expiresAt: number },
) {
  await db.insert(operatorTokens).values(link).onConflictDoNothing()
}

/** A sign-in link that can still be used: known, unspent and in time. */
const usable = (tokenHash: string, now: number) =>
  and(
    eq(operatorTokens.tokenHash, tokenHash),
    isNull(operatorTokens.usedAt),
    gt(operatorTokens.expiresAt, now),
  )

/**
 * Spends a sign-in link once, however many requests bring it at the same time: the email it was
 * made for, or null when it is unknown, spent or out of time.
 */
export async function spendOperatorToken(db: Db, tokenHash: string, now: number) {
  const [spent] = await db
    .update(operatorTokens)
    .set({ usedAt: now })
    .where(usable(tokenHash, now))
    .returning({ email: operatorTokens.email })
  return spent?.email ?? null
}

/** The email a sign-in link that can still be used was made for, without using it; else null. */
export async function usableOperatorTokenEmail(db: Db, tokenHash: string, now: number) {
  const [row] = await db
    .select({ email: operatorTokens.email })
    .from(operatorTokens)
    .where(usable(tokenHash, now))
  return row?.email ?? null
}

export async function createOperatorSession(
  db: Db,
  row: { tokenHash: string; email: string; now: number },
) {
  await db.insert(operatorSessions).values({
    tokenHash: row.tokenHash,
    email: row.email,
    createdAt: row.now,
    lastSeenAt: row.now,
  })
}

export async function getOperatorSession(db: Db, tokenHash: string) {
  const [row] = await db
    .select()
    .from(operatorSessions)
    .where(eq(operatorSessions.tokenHash, tokenHash))
  return row ?? null
}

export async function touchOperatorSession(db: Db, tokenHash: string, now: number) {
  await db
    .update(operatorSessions)
    .set({ lastSeenAt: now })
    .where(eq(operatorSessions.tokenHash, tokenHash))
}

export async function deleteOperatorSession(db: Db, tokenHash: string) {
  await db.delete(operatorSessions).where(eq(operatorSessions.tokenHash, tokenHash))
}
