import { and, asc, eq, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Role } from '../../instruments/enums'
import type { Db } from '../client'
import { people, roleGrants, sessions } from '../schema'
import { type Actor, auditInsert, auditInsertIfChanged } from './audit'
import { type NewPasswordLink, passwordLinkStatements } from './password-links'

export const normaliseEmail = (email: string) => email.trim().toLowerCase()

/** Sign-in looks a person up by email alone: that is how it finds their organisation. */
export async function getPersonByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(people)
    .where(eq(people.email, normaliseEmail(email)))
  return row ?? null
}

/** The organisation's people, or the one person named, each with their role grants. */
export async function listPeople(db: Db, organisationId: string, personId?: string) {
  const only = (column: SQLiteColumn) => (personId === undefined ? undefined : eq(column, personId))
  const rows = await db
    .select({ id: people.id, name: people.name, email: people.email, status: people.status })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), only(people.id)))
    .orderBy(asc(people.name))
  const grants = await db
    .select({
      id: roleGrants.id,
      personId: roleGrants.personId,
      role: roleGrants.role,
      groupId: roleGrants.groupId,
    })
    .from(roleGrants)
    .where(and(eq(roleGrants.organisationId, organisationId), only(roleGrants.personId)))
  return rows.map((person) => ({
    ...person,
    grants: grants.filter((g) => g.personId === person.id),
  }))
}

export type PersonWithGrants = Awaited<ReturnType<typeof listPeople>>[number]

export async function getPerson(db: Db, organisationId: string, personId: string) {
  const [person] = await listPeople(db, organisationId, personId)
  return person ?? null
}

/** An invited person with a first role and a one-time link to set their password, in one batch. */
export async function addPerson(
  db: Db,
  actor: Actor,
  person: { name: string; email: string; role: Role; groupId: string | null },
  link: NewPasswordLink,
) {
  const id = crypto.randomUUID()
  const at = actor.at.toISOString()
  const grant = { role: person.role, groupId: person.groupId }
  await db.batch([
    db.insert(people).values({
      id,
      organisationId: actor.organisationId,
      name: person.name,
      email: person.email,
      status: 'invited',
      createdAt: at,
    }),
    db.insert(roleGrants).values({
      id: crypto.randomUUID(),
      organisationId: actor.organisationId,
      personId: id,
      createdAt: at,
      ...grant,
    }),
    ...passwordLinkStatements(db, actor, id, link),
    auditInsert(db, {
      ...actor,
      action: 'person.added',
      subjectType: 'person',
      subjectId: id,
      after: { name: person.name, email: person.email },
    }),
    auditInsert(db, {
      ...actor,
      action: 'role.granted',
      subjectType: 'person',
      subjectId: id,
      after: grant,
    }),
  ])
  return id
}

export async function grantRole(
  db: Db,
  actor: Actor,
  personId: string,
  grant: { role: Role; groupId: string | null },
) {
  await db.batch([
    db
      .insert(roleGrants)
      .values({
        id: crypto.randomUUID(),
        organisationId: actor.organisationId,
        personId,
        createdAt: actor.at.toISOString(),
        ...grant,
      })
      .onConflictDoNothing(),
    auditInsert(db, {
      ...actor,
      action: 'role.granted',
      subjectType: 'person',
      subjectId: personId,
      after: grant,
    }),
  ])
}

/**
 * Whether the organisation has an active admin other than this person, worked out inside the
 * statement that would take their admin away: an organisation always keeps one, however many
 * changes arrive at once.
 */
const anotherActiveAdmin = (organisationId: string, personId: string) =>
  sql`exists (select 1 from ${roleGrants} g join ${people} p on p.id = g.person_id where g.organisation_id = ${organisationId} and g.role = 'admin' and p.status = 'active' and g.person_id <> ${personId})`

export type LastAdminRefusal = 'last admin'

/**
 * Takes a role away; an admin's only when another active admin remains (else 'last admin').
 * Doing it again changes nothing and audits nothing.
 */
export async function revokeRole(
  db: Db,
  actor: Actor,
  person: PersonWithGrants,
  grantId: string,
): Promise<'revoked' | LastAdminRefusal> {
  const grant = person.grants.find((g) => g.id === grantId)
  if (!grant) return 'revoked'
  const [revoked] = await db.batch([
    db
      .delete(roleGrants)
      .where(
        and(
          eq(roleGrants.organisationId, actor.organisationId),
          eq(roleGrants.id, grantId),
          grant.role === 'admin' ? anotherActiveAdmin(actor.organisationId, person.id) : undefined,
        ),
      )
      .returning({ id: roleGrants.id }),
    auditInsertIfChanged(db, {
      ...actor,
      action: 'role.revoked',
      subjectType: 'person',
      subjectId: person.id,
      before: { role: grant.role, groupId: grant.groupId },
    }),
  ])
  return revoked.length === 0 && grant.role === 'admin' ? 'last admin' : 'revoked'
}

/**
 * Disables a person and ends every session of theirs at once, unless they are the last active
 * admin ('last admin'); doing it again changes nothing.
 */
export async function disablePerson(
  db: Db,
  actor: Actor,
  person: PersonWithGrants,
): Promise<'disabled' | LastAdminRefusal> {
  if (person.status === 'disabled') return 'disabled'
  const thisPerson = and(eq(people.organisationId, actor.organisationId), eq(people.id, person.id))
  const isAdmin = person.grants.some((g) => g.role === 'admin')
  const [disabled] = await db.batch([
    db
      .update(people)
      .set({ status: 'disabled' })
      .where(
        and(thisPerson, isAdmin ? anotherActiveAdmin(actor.organisationId, person.id) : undefined),
      )
      .returning({ id: people.id }),
    auditInsertIfChanged(db, {
      ...actor,
      action: 'person.disabled',
      subjectType: 'person',
      subjectId: person.id,
      before: { status: person.status },
      after: { status: 'disabled' },
    }),
    db
      .delete(sessions)
      .where(
        and(
          eq(sessions.organisationId, actor.organisationId),
          eq(sessions.personId, person.id),
          sql`exists (select 1 from ${people} where ${thisPerson} and ${people.status} = 'disabled')`,
        ),
      ),
  ])
  return disabled.length === 0 ? 'last admin' : 'disabled'
}
