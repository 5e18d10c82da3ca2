import { and, asc, eq } from 'drizzle-orm'
import type { Contribution, FrozenPeriod } from '../../instruments/network'
import { freezePeriod } from '../../instruments/network'
import type { Db } from '../client'
import { networkPeriods } from '../schema'
import { currentMembers, type Network } from './memberships'

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
