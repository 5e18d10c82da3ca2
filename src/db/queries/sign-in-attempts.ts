import { and, eq, lte, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { signInAttempts } from '../schema'

export type Attempt = { id: string; organisationId: string; personId: string; at: number }

/**
 * Writes a sign-in attempt for the person unless `most` are already there since `since`, and
 * forgets theirs from before then: one batch, whose insert counts and writes in a single
 * statement, so attempts sent at once are counted one after another by the database. True when
 * the attempt was written (its password may be checked).
 */
export async function beginAttempt(
  db: Db,
  attempt: Attempt,
  { since, most }: { since: number; most: number },
): Promise<boolean> {
  const [, written] = await db.batch([
    db
      .delete(signInAttempts)
      .where(and(eq(signInAttempts.personId, attempt.personId), lte(signInAttempts.at, since))),
    db
      .insert(signInAttempts)
      .select(
        sql`select ${attempt.id}, ${attempt.organisationId}, ${attempt.personId}, ${attempt.at} where (select count(*) from ${signInAttempts} where ${signInAttempts.personId} = ${attempt.personId} and ${signInAttempts.at} > ${since}) < ${most}`,
      )
      .returning({ id: signInAttempts.id }),
  ])
  return written.length === 1
}

/** Forgets an attempt whose password was right: only failures count towards a lockout. */
export async function endAttempt(db: Db, id: string) {
  await db.delete(signInAttempts).where(eq(signInAttempts.id, id))
}
