import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { organisations, passwordTokens, people, rounds, sessions } from '../schema'
import { auditInsertIfChanged, operatorActorId } from './audit'
import { madeOrganisation, newOrganisationStatements, type Organisation } from './organisations'

export type HostedOrganisation = Organisation & {
  createdAt: string
  suspendedAt: string | null
  people: number
  rounds: number
}

/** Every organisation the service holds, newest first, with how much it has begun to use it. */
export async function listHostedOrganisations(db: Db): Promise<HostedOrganisation[]> {
  // Named in full: in a query of one table, drizzle leaves its columns unqualified, and inside
  // these subqueries a bare "id" would be the subquery's own.
  const organisation = sql`${organisations}.${sql.identifier('id')}`
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      createdAt: organisations.createdAt,
      suspendedAt: organisations.suspendedAt,
      people: sql<number>`(select count(*) from ${people} where ${people.organisationId} = ${organisation})`,
      rounds: sql<number>`(select count(*) from ${rounds} where ${rounds.organisationId} = ${organisation})`,
    })
    .from(organisations)
    .orderBy(desc(organisations.createdAt), organisations.id)
}

export async function getHostedOrganisation(db: Db, organisationId: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      suspendedAt: organisations.suspendedAt,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
  return row ?? null
}

export type FirstAdminLink = { tokenHash: string; expiresAt: number }

/**
 * An organisation made by the operator: itself, its executive group, its first admin (invited,
 * with no password) and the admin's one-time link to set one, and the audit entry, in one atomic
 * batch. Made only when no one holds the admin's email yet: a repeated request, or one racing
 * it, stores nothing and returns null.
 */
export async function createHostedOrganisation(
  db: Db,
  made: { name: string; admin: { name: string; email: string }; link: FirstAdminLink; at: Date },
): Promise<Organisation | null> {
  const { name, admin, link, at } = made
  const { organisationId, adminId, ifCreated, statements } = newOrganisationStatements(db, {
    name,
    admin: { ...admin, passwordHash: null },
    at,
    when: sql`not exists (select 1 from ${people} where ${people.email} = ${admin.email})`,
    action: 'organisation.created',
    auditedAs: operatorActorId,
  })
  await db.batch([
    ...statements,
    db
      .insert(passwordTokens)
      .select(
        sql`select ${link.tokenHash}, ${organisations.id}, ${adminId}, ${link.expiresAt}, null ${ifCreated}`,
      ),
  ])
  return madeOrganisation(db, organisationId)
}

/**
 * Suspends an organisation (no one of it signs in, its sessions end, its respondents' links stop
 * working; nothing of it is deleted) or restores it, audited in its own log. Safe to repeat:
 * suspending a suspended organisation changes and records nothing.
 */
export async function setSuspended(
  db: Db,
  { organisationId, suspend, at }: { organisationId: string; suspend: boolean; at: Date },
) {
  const entry = {
    organisationId,
    actorId: operatorActorId,
    subjectType: 'organisation',
    subjectId: organisationId,
    at,
  }
  await db.batch([
    db
      .update(organisations)
      .set({ suspendedAt: suspend ? at.toISOString() : null })
      .where(
        and(
          eq(organisations.id, organisationId),
          suspend ? isNull(organisations.suspendedAt) : isNotNull(organisations.suspendedAt),
        ),
      ),
    auditInsertIfChanged(db, {
      ...entry,
      action: suspend ? 'organisation.suspended' : 'organisation.restored',
    }),
    ...(suspend ? [db.delete(sessions).where(eq(sessions.organisationId, organisationId))] : []),
  ])
}
