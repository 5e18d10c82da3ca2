import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Grant } from '../../instruments/enums'
import type { Db } from '../client'
import { preparedOnce, slot } from '../prepared'
import { organisations, people, roleGrants, sessions } from '../schema'

export type SignedIn = {
  tokenHash: string
  createdAt: number
  lastSeenAt: number
  person: { id: string; name: string; email: string; status: string }
  organisation: { id: string; name: string }
}

/** A new session, made only while the organisation is not suspended: whether it was made. */
export async function createSessionRow(
  db: Db,
  row: { tokenHash: string; organisationId: string; personId: string; now: number },
) {
  const made = await db
    .insert(sessions)
    .select(
      sql`select ${row.tokenHash}, ${organisations.id}, ${row.personId}, ${row.now}, ${row.now}
            from ${organisations}
            where ${and(eq(organisations.id, row.organisationId), isNull(organisations.suspendedAt))}`,
    )
    .returning({ tokenHash: sessions.tokenHash })
  return made.length === 1
}

const sessionStatement = preparedOnce((db) =>
  db
    .select({
      tokenHash: sessions.tokenHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      person: { id: people.id, name: people.name, email: people.email, status: people.status },
      organisation: { id: organisations.id, name: organisations.name },
      grants: sql<string>`(select json_group_array(json_array(${roleGrants.role}, ${roleGrants.groupId}))
        from ${roleGrants} where ${roleGrants.organisationId} = ${sessions.organisationId}
        and ${roleGrants.personId} = ${sessions.personId})`,
    })
    .from(sessions)
    .innerJoin(
      people,
      and(eq(people.id, sessions.personId), eq(people.organisationId, sessions.organisationId)),
    )
    .innerJoin(organisations, eq(organisations.id, sessions.organisationId))
    .where(and(eq(sessions.tokenHash, slot('tokenHash')), isNull(organisations.suspendedAt)))
    .prepare(),
)

/**
 * The session with its person, organisation and the person's grants there, scoped by the
 * session's own organisation: one statement, run on every request.
 */
export async function getSession(
  db: Db,
  tokenHash: string,
): Promise<(SignedIn & { grants: Grant[] }) | null> {
  const [row] = await sessionStatement(db).all({ tokenHash })
  if (!row) return null
  const grants = (JSON.parse(row.grants) as [Grant['role'], string | null][]).map(
    ([role, groupId]) => ({ role, groupId }),
  )
  return { ...row, grants }
}

export async function touchSession(db: Db, tokenHash: string, now: number) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash))
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
}
