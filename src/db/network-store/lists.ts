import { and, asc, eq, getTableColumns, isNull, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { networkInvitations, networkMemberships, networks, organisations } from '../schema'
import type { Network } from './memberships'

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

/**
 * A network as an organisation may act on it: only one that has invited it (whether it answered,
 * joined or left since); none otherwise, so another organisation's network reads as unknown.
 */
export async function getNetworkOf(
  db: Db,
  networkId: string,
  organisationId: string,
): Promise<Network | null> {
  const [row] = await db
    .select(getTableColumns(networks))
    .from(networks)
    .where(
      and(
        eq(networks.id, networkId),
        sql`exists (select 1 from ${networkInvitations}
          where ${networkInvitations.networkId} = ${networkId}
            and ${networkInvitations.organisationId} = ${organisationId})`,
      ),
    )
  return row ?? null
}
