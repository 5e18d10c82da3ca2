import { and, eq, isNull, sql } from 'drizzle-orm'
import { defaultPeriodMonths, type PeriodMonths } from '../../instruments/network'
import type { Db } from '../client'
import { type Actor, auditInsertIfChanged, operatorActorId } from '../queries/audit'
import { networkInvitations, networkMemberships, networks } from '../schema'

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
    periodMonths?: PeriodMonths
    coordinator: { organisationId: string; personId: string }
    at: Date
  },
): Promise<string | null> {
  const id = crypto.randomUUID()
  const { name, kOrg, coordinator, at, periodMonths = defaultPeriodMonths } = input
  await db.batch([
    db
      .insert(networks)
      .values({
        id,
        name,
        kOrg,
        periodMonths,
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
      after: { name, kOrg, periodMonths, coordinator: coordinator.personId },
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
