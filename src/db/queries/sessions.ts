import { and, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { organisations, people, roleGrants, sessions } from '../schema'

export type SignedIn = {
  tokenHash: string
  createdAt: number
  lastSeenAt: number
  person: { id: string; name: string; email: string; status: string }
  organisation: { id: string; name: string }
}

export function createSessionRow(
  db: Db,
  row: { tokenHash: string; organisationId: string; personId: string; now: number },
) {
  return db.insert(sessions).values({
    tokenHash: row.tokenHash,
    organisationId: row.organisationId,
    personId: row.personId,
    createdAt: row.now,
    lastSeenAt: row.now,
  })
}

/** The session with its person and organisation, scoped by the session's own organisation. */
export async function findSession(db: Db, tokenHash: string): Promise<SignedIn | null> {
  const [row] = await db
    .select({
      tokenHash: sessions.tokenHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      person: { id: people.id, name: people.name, email: people.email, status: people.status },
      organisation: { id: organisations.id, name: organisations.name },
    })
    .from(sessions)
    .innerJoin(
      people,
      and(eq(people.id, sessions.personId), eq(people.organisationId, sessions.organisationId)),
    )
    .innerJoin(organisations, eq(organisations.id, sessions.organisationId))
    .where(eq(sessions.tokenHash, tokenHash))
  return row ?? null
}

export async function touchSession(db: Db, tokenHash: string, now: number) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash))
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
}

export async function listGrants(db: Db, organisationId: string, personId: string) {
  return db
    .select({ role: roleGrants.role, groupId: roleGrants.groupId })
    .from(roleGrants)
    .where(and(eq(roleGrants.organisationId, organisationId), eq(roleGrants.personId, personId)))
}
