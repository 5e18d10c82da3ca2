import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { ItemSums, ScoreSums } from '../../instruments/results'
import { chunksOf } from '../chunks'
import type { Db } from '../client'
import { roundResults, rounds } from '../schema'

export type ResultsRound = typeof rounds.$inferSelect

/** The organisation's closed rounds, oldest first: the only rounds whose results are shown. */
export async function closedRoundList(db: Db, organisationId: string): Promise<ResultsRound[]> {
  return db
    .select()
    .from(rounds)
    .where(and(eq(rounds.organisationId, organisationId), eq(rounds.status, 'closed')))
    .orderBy(asc(rounds.opensOn), asc(rounds.name))
}

export const sumsKey = (roundId: string, groupId: string) => `${roundId}|${groupId}`

const inList = (column: string, ids: readonly string[]) =>
  sql`${sql.raw(column)} in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`

type Kept = { round_id: string; group_id: string; responses: number; packed: string }

/** The kept results of closed rounds: one row per round and group, some groups or every one. */
async function kept(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  column: 'scores' | 'items',
  groupIds?: readonly string[],
) {
  const rows: Kept[] = []
  if (roundIds.length === 0 || groupIds?.length === 0) return rows
  const groupChunks = groupIds ? chunksOf(groupIds, 50) : [null]
  for (const ids of chunksOf(roundIds, 40)) {
    for (const some of groupChunks) {
      rows.push(
        ...(await db.all<Kept>(sql`
          select round_id, group_id, responses, ${sql.raw(column)} as packed from round_results
          where organisation_id = ${organisationId} and ${inList('round_id', ids)}
            ${some ? sql`and ${inList('group_id', some)}` : sql``}`)),
      )
    }
  }
  return rows
}

/** The groups each of these closed rounds assessed. */
export async function membersOf(db: Db, organisationId: string, roundIds: readonly string[]) {
  const members = new Map<string, Set<string>>(roundIds.map((id) => [id, new Set()]))
  for (const ids of chunksOf(roundIds, 90)) {
    const rows = await db
      .select({ roundId: roundResults.roundId, groupId: roundResults.groupId })
      .from(roundResults)
      .where(
        and(eq(roundResults.organisationId, organisationId), inArray(roundResults.roundId, ids)),
      )
    for (const row of rows) members.get(row.roundId)?.add(row.groupId)
  }
  return members
}

/** The closed rounds a group took part in. */
export async function roundIdsOfGroup(db: Db, organisationId: string, groupId: string) {
  const rows = await db
    .select({ roundId: roundResults.roundId })
    .from(roundResults)
    .where(and(eq(roundResults.organisationId, organisationId), eq(roundResults.groupId, groupId)))
  return new Set(rows.map((r) => r.roundId))
}

/**
 * Each group's score sums at these closed rounds, keyed by round and group (a group the round
 * assessed has an entry, even with no responses); optionally one measure, or some groups.
 */
export async function packedScoreSums(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  { measure, groupIds }: { measure?: string; groupIds?: readonly string[] } = {},
) {
  const packed = new Map<string, ScoreSums[]>()
  for (const row of await kept(db, organisationId, roundIds, 'scores', groupIds)) {
    const sums = (JSON.parse(row.packed) as [string, string, number, number, number, number][])
      .filter(([, m]) => measure === undefined || m === measure)
      .map(([perspective, m, n, sum, sumOfSquares, insufficient]) => ({
        perspective,
        measure: m,
        n,
        sum,
        sumOfSquares,
        insufficient,
      }))
    packed.set(sumsKey(row.round_id, row.group_id), sums)
  }
  return packed
}

/** Each group's item sums at these closed rounds (every perspective together), by round and group. */
export async function packedItemSums(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  groupId?: string,
) {
  const packed = new Map<string, ItemSums[]>()
  for (const row of await kept(
    db,
    organisationId,
    roundIds,
    'items',
    groupId ? [groupId] : undefined,
  )) {
    const sums = (JSON.parse(row.packed) as [string, number, number, number, number, number][]).map(
      ([linkId, n, sum, sumOfSquares, naCount, dkCount]) => ({
        perspective: 'all',
        linkId,
        n,
        sum,
        sumOfSquares,
        naCount,
        dkCount,
      }),
    )
    packed.set(sumsKey(row.round_id, row.group_id), sums)
  }
  return packed
}

/** Which teams: a service line, a team type, and (for a team lead) their own teams, at most 80. */
export type TeamFilter = {
  line?: string | undefined
  type?: string | undefined
  teamIds?: readonly string[] | undefined
}

/**
 * Per round (at most 60 at once), the mean of the totals of the teams shown under rule 6 (worked out in the database,
 * so a roll-up never reads, or holds, a team below k), how many teams were shown, and how many
 * were assessed.
 */
export async function teamRollUp(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  filter: TeamFilter,
) {
  if (roundIds.length === 0)
    return new Map<string, { mean: number | null; shown: number; assessed: number }>()
  const teams = sql`g.organisation_id = ${organisationId} and g.kind = 'team'
    ${filter.line ? sql`and g.grouping_id = ${filter.line}` : sql``}
    ${filter.type ? sql`and g.team_type = ${filter.type}` : sql``}
    ${filter.teamIds ? (filter.teamIds.length ? sql`and ${inList('g.id', filter.teamIds)}` : sql`and 0`) : sql``}`
  const shown = await db.all<{ round_id: string; mean: number | null; shown: number }>(sql`
    select rr.round_id, avg(rr.total_sum / rr.total_n) as mean, count(*) as shown
    from round_results rr
    join rounds r on r.id = rr.round_id
    join groups g on g.id = rr.group_id and ${teams}
    where rr.organisation_id = ${organisationId} and ${inList('rr.round_id', roundIds)}
      and rr.total_n > 0 and (r.mode = 'consensus' or rr.responses >= r.anonymity_threshold)
    group by rr.round_id`)
  const assessed = await db.all<{ round_id: string; teams: number }>(sql`
    select rr.round_id, count(*) as teams
    from round_results rr join groups g on g.id = rr.group_id and ${teams}
    where rr.organisation_id = ${organisationId} and ${inList('rr.round_id', roundIds)}
    group by rr.round_id`)
  const teamsOf = new Map(assessed.map((a) => [a.round_id, a.teams]))
  return new Map(
    shown.map((s) => [
      s.round_id,
      { mean: s.mean, shown: s.shown, assessed: teamsOf.get(s.round_id) ?? 0 },
    ]),
  )
}
