import { and, eq, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { jsonList, type ListQuery } from '../json-list'
import type { Bound } from '../prepared'
import { auditLog, groups, invitations, organisations, people, roleGrants, rounds } from '../schema'

export type Organisation = { id: string; name: string }

export const executiveGroupName = 'Executive team'

/** Until sign-in exists the service holds one organisation: the one made at first-run setup. */
export async function getFirstOrganisation(db: Db): Promise<Organisation | null> {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .orderBy(organisations.createdAt, organisations.id)
    .limit(1)
  return row ?? null
}

export type FirstAdmin = { name: string; email: string; passwordHash: string }

/**
 * The statements that make an organisation, its executive group, its first admin with the admin
 * role, and the audit entry, each only when the organisation's own row was made, which it is only
 * while `when` holds: for one batch, safe to repeat. The audit log names `auditedAs` (the admin
 * themself by default).
 */
export function newOrganisationStatements(
  db: Db,
  spec: {
    name: string
    admin: { name: string; email: string; passwordHash: string | null }
    at: Date
    when: SQL
    action: string
    auditedAs?: string
  },
) {
  const organisationId = crypto.randomUUID()
  const adminId = crypto.randomUUID()
  const at = spec.at.toISOString()
  const { name, admin } = spec
  const status = admin.passwordHash === null ? 'invited' : 'active'
  const ifCreated = sql`from ${organisations} where ${organisations.id} = ${organisationId}`
  const after = JSON.stringify({ name, admin: { name: admin.name, email: admin.email } })
  const statements = [
    db
      .insert(organisations)
      .select(sql`select ${organisationId}, ${name}, ${at}, null, null where ${spec.when}`),
    db
      .insert(groups)
      .select(
        sql`select ${crypto.randomUUID()}, ${organisations.id}, 'executive', ${executiveGroupName}, null, ${at}, null, null, null ${ifCreated}`,
      ),
    db
      .insert(people)
      .select(
        sql`select ${adminId}, ${organisations.id}, ${admin.name}, ${admin.email}, ${admin.passwordHash}, ${status}, ${at}, null, null ${ifCreated}`,
      ),
    db
      .insert(roleGrants)
      .select(
        sql`select ${crypto.randomUUID()}, ${organisations.id}, ${adminId}, 'admin', null, ${at} ${ifCreated}`,
      ),
    db
      .insert(auditLog)
      .select(
        sql`select ${crypto.randomUUID()}, ${organisations.id}, ${at}, ${spec.auditedAs ?? adminId}, ${spec.action}, 'organisation', ${organisationId}, null, ${after} ${ifCreated}`,
      ),
  ] as const
  return { organisationId, adminId, ifCreated, statements }
}

/** The organisation of this id, when it was made. */
export async function madeOrganisation(
  db: Db,
  organisationId: string,
): Promise<Organisation | null> {
  const [created] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
  return created ?? null
}

/**
 * First-run setup: the organisation with its executive group and first admin, in one atomic
 * batch. Safe to repeat: when any organisation exists already it stores nothing and returns null.
 */
export async function createFirstOrganisation(
  db: Db,
  { name, admin, now = new Date() }: { name: string; admin: FirstAdmin; now?: Date },
): Promise<{ organisation: Organisation; adminId: string } | null> {
  const made = newOrganisationStatements(db, {
    name,
    admin,
    at: now,
    when: sql`not exists (select 1 from ${organisations})`,
    action: 'organisation.setup',
  })
  await db.batch(made.statements)
  const organisation = await madeOrganisation(db, made.organisationId)
  return organisation ? { organisation, adminId: made.adminId } : null
}

/** The organisation's executive group, as a list of one. */
export const executiveQuery = (organisationId: Bound): ListQuery<{ id: string; name: string }> => ({
  fields: { id: groups.id, name: groups.name },
  from: sql`from ${groups} where ${and(eq(groups.organisationId, organisationId), eq(groups.kind, 'executive'))}`,
})

export async function getExecutiveGroup(db: Db, organisationId: string) {
  const [row] = await jsonList(db, executiveQuery(organisationId))
  return row ?? null
}

/** Whom the organisation's respondents may ask about a questionnaire, or null if it has not said. */
export async function getRespondentContact(db: Db, organisationId: string) {
  const [row] = await db
    .select({ contact: organisations.respondentContact })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
  return row?.contact ?? null
}

/** How far an organisation has set itself up: the counts that tick the first-run checklist. */
export async function getSetUpProgress(db: Db, organisationId: string) {
  const [row] = await db
    .select({
      teams: sql<number>`(select count(*) from ${groups} where ${groups.organisationId} = ${organisationId} and ${groups.kind} = 'team')`,
      people: sql<number>`(select count(*) from ${people} where ${people.organisationId} = ${organisationId})`,
      rounds: sql<number>`(select count(*) from ${rounds} where ${rounds.organisationId} = ${organisationId})`,
      opened: sql<number>`(select count(*) from ${rounds} where ${rounds.organisationId} = ${organisationId} and ${rounds.status} <> 'draft')`,
      // A consensus round needs no links: once open, its groups are ready to record.
      links: sql<number>`(select count(*) from ${invitations} where ${invitations.organisationId} = ${organisationId}) + (select count(*) from ${rounds} where ${rounds.organisationId} = ${organisationId} and ${rounds.status} <> 'draft' and ${rounds.mode} = 'consensus')`,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
  return row ?? { teams: 0, people: 0, rounds: 0, opened: 0, links: 0 }
}
