import { and, asc, eq, getTableColumns, isNull, sql } from 'drizzle-orm'
import type { Contribution, FrozenPeriod } from '../instruments/network'
import { freezePeriod } from '../instruments/network'
import type { Db } from './client'
import { type Actor, auditInsertIfChanged, operatorActorId } from './queries/audit'
import {
  networkInvitations,
  networkMemberships,
  networkPeriods,
  networks,
  organisations,
} from './schema'

/**
 * The network store: networks, their memberships and invitations, and their frozen periods. It
 * is the only module that reads or writes these tables, and it never holds a member's own figure,
 * so that it can move to a database of its own by giving it that database.
 */

export type Network = typeof networks.$inferSelect

/**
 * A network the service's operator makes, with its coordinator (a person of any organisation on
 * the service); recorded in the coordinator's organisation's audit log. A name already taken makes
 * nothing: null.
 */
export async function createNetwork(
  db: Db,
  input: {
    name: string
    kOrg: number
    coordinator: { organisationId: string; personId: string }
    at: Date
  },
): Promise<string | null> {
  const id = crypto.randomUUID()
  const { name, kOrg, coordinator, at } = input
  await db.batch([
    db
      .insert(networks)
      .values({
        id,
        name,
        kOrg,
        coordinatorOrganisationId: coordinator.organisationId,
        coordinatorId: coordinator.personId,
        createdAt: at.toISOString(),
      })
      .onConflictDoNothing(),
    auditInsertIfChanged(db, {
      organisationId: coordinator.organisationId,
      actorId: operatorActorId,
      action: 'network.created',
      subjectType: 'network',
      subjectId: id,
      after: { name, kOrg, coordinator: coordinator.personId },
      at,
    }),
  ])
  return (await getNetwork(db, id)) ? id : null
}

export async function getNetwork(db: Db, networkId: string): Promise<Network | null> {
  const [row] = await db.select().from(networks).where(eq(networks.id, networkId))
  return row ?? null
}

/** The organisations that are members now. */
export async function currentMembers(db: Db, networkId: string): Promise<string[]> {
  const rows = await db
    .select({ organisationId: networkMemberships.organisationId })
    .from(networkMemberships)
    .where(and(eq(networkMemberships.networkId, networkId), isNull(networkMemberships.leftAt)))
  return rows.map((r) => r.organisationId)
}

/**
 * Invites an organisation, unless it is a member or already has an open invitation: recorded in
 * the coordinator's audit log and in the organisation's.
 */
export async function invite(db: Db, coordinator: Actor, network: Network, organisationId: string) {
  const id = crypto.randomUUID()
  const at = coordinator.at.toISOString()
  const entry = { subjectType: 'network', subjectId: network.id, at: coordinator.at }
  await db.batch([
    db.insert(networkInvitations).select(
      sql`select ${id}, ${network.id}, ${organisationId}, ${at}, null, null
          where not exists (select 1 from ${networkMemberships}
            where ${networkMemberships.networkId} = ${network.id}
              and ${networkMemberships.organisationId} = ${organisationId}
              and ${networkMemberships.leftAt} is null)
          on conflict do nothing`,
    ),
    // Each entry is written only when the statement before it wrote a row.
    auditInsertIfChanged(db, { ...coordinator, ...entry, action: 'network.invited' }),
    auditInsertIfChanged(db, {
      ...entry,
      organisationId,
      actorId: null,
      action: 'network.invitation-received',
      after: { network: network.name },
    }),
  ])
}

/**
 * The organisation's admin accepts or declines an open invitation; accepting makes it a member
 * from now. One batch, recorded on both sides; answering again changes and records nothing.
 */
export async function answerInvitation(db: Db, admin: Actor, network: Network, accept: boolean) {
  const at = admin.at.toISOString()
  const action = accept ? 'network.joined' : 'network.declined'
  const entry = { subjectType: 'network', subjectId: network.id, at: admin.at, action }
  await db.batch([
    db
      .update(networkInvitations)
      .set({ answeredAt: at, accepted: accept })
      .where(
        and(
          eq(networkInvitations.networkId, network.id),
          eq(networkInvitations.organisationId, admin.organisationId),
          isNull(networkInvitations.answeredAt),
        ),
      ),
    // Each entry is written only when the statement before it wrote a row.
    auditInsertIfChanged(db, { ...admin, ...entry, after: { network: network.name } }),
    auditInsertIfChanged(db, {
      ...entry,
      organisationId: network.coordinatorOrganisationId,
      actorId: null,
    }),
    db.insert(networkMemberships).select(
      sql`select ${crypto.randomUUID()}, ${network.id}, ${admin.organisationId}, ${at}, null
            where changes() > 0 and ${accept ? 1 : 0} = 1 on conflict do nothing`,
    ),
  ])
}

/** The organisation leaves the network from now; recorded on both sides; leaving twice changes nothing. */
export async function leaveNetwork(db: Db, admin: Actor, network: Network) {
  const entry = {
    subjectType: 'network',
    subjectId: network.id,
    at: admin.at,
    action: 'network.left',
  }
  await db.batch([
    db
      .update(networkMemberships)
      .set({ leftAt: admin.at.toISOString() })
      .where(
        and(
          eq(networkMemberships.networkId, network.id),
          eq(networkMemberships.organisationId, admin.organisationId),
          isNull(networkMemberships.leftAt),
        ),
      ),
    auditInsertIfChanged(db, { ...admin, ...entry, after: { network: network.name } }),
    auditInsertIfChanged(db, {
      ...entry,
      organisationId: network.coordinatorOrganisationId,
      actorId: null,
    }),
  ])
}

/**
 * Freezes a period once, from the members of this moment and what they contribute: a period
 * already frozen is kept as it was, whoever has joined or left since. What is kept is returned.
 */
export async function freeze(
  db: Db,
  network: Network,
  period: string,
  contributions: Readonly<Record<string, readonly Contribution[]>>,
  at: Date,
): Promise<FrozenPeriod> {
  const members = new Set(await currentMembers(db, network.id))
  const frozen = freezePeriod(period, members, contributions, network.kOrg)
  const contributing = new Set(
    Object.values(contributions).flatMap((given) =>
      given.filter((c) => members.has(c.organisationId)).map((c) => c.organisationId),
    ),
  ).size
  await db
    .insert(networkPeriods)
    .values({
      networkId: network.id,
      period,
      frozenAt: at.toISOString(),
      members: frozen.members,
      contributing,
      distributions: frozen.measures,
    })
    .onConflictDoNothing()
  const [kept] = await listPeriods(db, network.id, period)
  if (!kept) throw new Error('The period was not kept')
  return kept
}

export type KeptPeriod = FrozenPeriod & { contributing: number; frozenAt: string }

/** The network's frozen periods, oldest first (or the one named). */
export async function listPeriods(
  db: Db,
  networkId: string,
  period?: string,
): Promise<KeptPeriod[]> {
  const rows = await db
    .select()
    .from(networkPeriods)
    .where(
      and(
        eq(networkPeriods.networkId, networkId),
        period === undefined ? undefined : eq(networkPeriods.period, period),
      ),
    )
    .orderBy(asc(networkPeriods.period))
  return rows.map((r) => ({
    period: r.period,
    members: r.members,
    contributing: r.contributing,
    frozenAt: r.frozenAt,
    measures: r.distributions,
  }))
}

/** Networks an organisation belongs to now. */
export async function listMemberships(db: Db, organisationId: string): Promise<Network[]> {
  return db
    .select(getTableColumns(networks))
    .from(networks)
    .innerJoin(
      networkMemberships,
      and(
        eq(networkMemberships.networkId, networks.id),
        eq(networkMemberships.organisationId, organisationId),
        isNull(networkMemberships.leftAt),
      ),
    )
    .orderBy(asc(networks.name))
}

/** Networks that have invited an organisation and wait for its answer. */
export async function listOpenInvitations(db: Db, organisationId: string): Promise<Network[]> {
  return db
    .select(getTableColumns(networks))
    .from(networks)
    .innerJoin(
      networkInvitations,
      and(
        eq(networkInvitations.networkId, networks.id),
        eq(networkInvitations.organisationId, organisationId),
        isNull(networkInvitations.answeredAt),
      ),
    )
    .orderBy(asc(networks.name))
}

/** Networks a person coordinates. */
export async function listCoordinated(db: Db, organisationId: string, personId: string) {
  return db
    .select({ id: networks.id, name: networks.name })
    .from(networks)
    .where(
      and(
        eq(networks.coordinatorOrganisationId, organisationId),
        eq(networks.coordinatorId, personId),
      ),
    )
    .orderBy(asc(networks.name))
}

/**
 * For the coordinator: the organisations invited and not yet answering, and those that can be
 * invited (on the service, not suspended, neither members nor invited), by name.
 */
export async function invitationChoices(db: Db, networkId: string) {
  // Named in full: in a query of one table, drizzle leaves its columns unqualified.
  const organisation = sql`${organisations}.${sql.identifier('id')}`
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      invited: sql<number>`exists (select 1 from ${networkInvitations}
        where ${networkInvitations.networkId} = ${networkId}
          and ${networkInvitations.organisationId} = ${organisation}
          and ${networkInvitations.answeredAt} is null)`,
      member: sql<number>`exists (select 1 from ${networkMemberships}
        where ${networkMemberships.networkId} = ${networkId}
          and ${networkMemberships.organisationId} = ${organisation}
          and ${networkMemberships.leftAt} is null)`,
    })
    .from(organisations)
    .where(isNull(organisations.suspendedAt))
    .orderBy(asc(organisations.name))
  return {
    invited: rows.filter((r) => r.invited).map(({ id, name }) => ({ id, name })),
    invitable: rows.filter((r) => !r.invited && !r.member).map(({ id, name }) => ({ id, name })),
  }
}

/** Every network on the service, for the operator: its name and how many members it has now. */
export async function listNetworks(db: Db) {
  const network = sql`${networks}.${sql.identifier('id')}`
  return db
    .select({
      id: networks.id,
      name: networks.name,
      kOrg: networks.kOrg,
      members: sql<number>`(select count(*) from ${networkMemberships}
        where ${networkMemberships.networkId} = ${network} and ${networkMemberships.leftAt} is null)`,
    })
    .from(networks)
    .orderBy(asc(networks.name))
}
