import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { groups, organisations } from '../schema'

export type Organisation = { id: string; name: string }

export const executiveGroupName = 'Executive team'

/** Until sign-in exists the service holds one organisation: the one made at first-run setup. */
export async function findFirstOrganisation(db: Db): Promise<Organisation | null> {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .orderBy(organisations.createdAt, organisations.id)
    .limit(1)
  return row ?? null
}

/**
 * First-run setup: the organisation and its executive group in one atomic batch. Safe to repeat:
 * when any organisation already exists it stores nothing and returns null.
 */
export async function createFirstOrganisation(
  db: Db,
  { name, now = new Date() }: { name: string; now?: Date },
): Promise<Organisation | null> {
  const organisationId = crypto.randomUUID()
  const createdAt = now.toISOString()
  await db.batch([
    db.insert(organisations).select(
      sql`select ${organisationId}, ${name}, ${createdAt}
            where not exists (select 1 from ${organisations})`,
    ),
    db.insert(groups).select(
      sql`select ${crypto.randomUUID()}, ${organisations.id}, 'executive', ${executiveGroupName}, null, ${createdAt}
            from ${organisations} where ${organisations.id} = ${organisationId}`,
    ),
  ])
  const [created] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
  return created ?? null
}

export async function getExecutiveGroup(db: Db, organisationId: string) {
  const [row] = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.organisationId, organisationId), eq(groups.kind, 'executive')))
  return row ?? null
}
