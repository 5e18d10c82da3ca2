import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { ItemSums, ScoreSums } from '../../instruments/results'
import { chunksOf } from '../chunks'
import type { Db } from '../client'
import { roundGroups, rounds } from '../schema'

export type ResultsRound = typeof rounds.$inferSelect

/** The organisation's closed rounds, oldest first: the only rounds whose results are shown. */
export async function closedRoundList(db: Db, organisationId: string): Promise<ResultsRound[]> {
  return db
    .select()
    .from(rounds)
    .where(and(eq(rounds.organisationId, organisationId), eq(rounds.status, 'closed')))
    .orderBy(asc(rounds.opensOn), asc(rounds.name))
}

/** The groups each of these rounds assessed. */
export async function membersOf(db: Db, organisationId: string, roundIds: readonly string[]) {
  const members = new Map<string, Set<string>>(roundIds.map((id) => [id, new Set()]))
  for (const ids of chunksOf(roundIds, 90)) {
    const rows = await db
      .select({ roundId: roundGroups.roundId, groupId: roundGroups.groupId })
      .from(roundGroups)
      .where(and(eq(roundGroups.organisationId, organisationId), inArray(roundGroups.roundId, ids)))
    for (const row of rows) members.get(row.roundId)?.add(row.groupId)
  }
  return members
}

/** The rounds a group took part in. */
export async function roundIdsOfGroup(db: Db, organisationId: string, groupId: string) {
  const rows = await db
    .select({ roundId: roundGroups.roundId })
    .from(roundGroups)
    .where(and(eq(roundGroups.organisationId, organisationId), eq(roundGroups.groupId, groupId)))
  return new Set(rows.map((r) => r.roundId))
}

const inList = (column: string, ids: readonly string[]) =>
  sql`${sql.raw(column)} in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`

export const sumsKey = (roundId: string, groupId: string) => `${roundId}|${groupId}`

/**
 * Each group's score sums at these rounds, one row per round and group with its sums packed as
 * JSON by the database: many sums arrive as few rows. Optionally one measure, or some groups.
 */
export async function packedScoreSums(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  { measure, groupIds }: { measure?: string; groupIds?: readonly string[] } = {},
) {
  const packed = new Map<string, ScoreSums[]>()
  if (roundIds.length === 0 || groupIds?.length === 0) return packed
  const groupChunks = groupIds ? chunksOf(groupIds, 50) : [null]
  for (const [ids, some] of chunksOf(roundIds, 40).flatMap((r) =>
    groupChunks.map((g) => [r, g] as const),
  )) {
    const rows = await db.all<{ round_id: string; group_id: string; sums: string }>(sql`
      select round_id, group_id,
        json_group_array(json_array(perspective, measure, n, sum, sum_of_squares, insufficient)) as sums
      from score_aggregates
      where organisation_id = ${organisationId} and ${inList('round_id', ids)}
        ${measure === undefined ? sql`` : sql`and measure = ${measure}`}
        ${some ? sql`and ${inList('group_id', some)}` : sql``}
      group by round_id, group_id`)
    for (const row of rows) {
      const sums = (JSON.parse(row.sums) as [string, string, number, number, number, number][]).map(
        ([perspective, m, n, sum, sumOfSquares, insufficient]) => ({
          perspective,
          measure: m,
          n,
          sum,
          sumOfSquares,
          insufficient,
        }),
      )
      packed.set(sumsKey(row.round_id, row.group_id), sums)
    }
  }
  return packed
}

/** Each group's item sums at these rounds, packed per round and group as the score sums are. */
export async function packedItemSums(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  groupId?: string,
) {
  const packed = new Map<string, ItemSums[]>()
  for (const ids of chunksOf(roundIds, 40)) {
    const rows = await db.all<{ round_id: string; group_id: string; sums: string }>(sql`
      select round_id, group_id,
        json_group_array(json_array(perspective, link_id, n, sum, sum_of_squares, na_count, dk_count)) as sums
      from item_aggregates
      where organisation_id = ${organisationId} and ${inList('round_id', ids)}
        ${groupId === undefined ? sql`` : sql`and group_id = ${groupId}`}
      group by round_id, group_id`)
    for (const row of rows) {
      const sums = (
        JSON.parse(row.sums) as [string, string, number, number, number, number, number][]
      ).map(([perspective, linkId, n, sum, sumOfSquares, naCount, dkCount]) => ({
        perspective,
        linkId,
        n,
        sum,
        sumOfSquares,
        naCount,
        dkCount,
      }))
      packed.set(sumsKey(row.round_id, row.group_id), sums)
    }
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
 * Per round, the mean of the totals of the teams shown under rule 6 (worked out in the database,
 * so a roll-up never reads, or holds, a team below k), how many teams were shown, and how many
 * were assessed.
 */
export async function teamRollUp(db: Db, organisationId: string, filter: TeamFilter) {
  const teams = sql`g.organisation_id = ${organisationId} and g.kind = 'team'
    ${filter.line ? sql`and g.grouping_id = ${filter.line}` : sql``}
    ${filter.type ? sql`and g.team_type = ${filter.type}` : sql``}
    ${filter.teamIds ? (filter.teamIds.length ? sql`and ${inList('g.id', filter.teamIds)}` : sql`and 0`) : sql``}`
  const shown = await db.all<{ round_id: string; mean: number | null; shown: number }>(sql`
    select s.round_id, avg(s.total / s.n) as mean, count(*) as shown
    from (
      select round_id, group_id, sum(n) as n, sum(sum) as total, sum(n) + sum(insufficient) as responses
      from score_aggregates
      where organisation_id = ${organisationId} and measure = 'total'
      group by round_id, group_id
    ) s
    join rounds r on r.id = s.round_id and r.status = 'closed'
    join groups g on g.id = s.group_id and ${teams}
    where s.n > 0 and (r.mode = 'consensus' or s.responses >= r.anonymity_threshold)
    group by s.round_id`)
  const assessed = await db.all<{ round_id: string; teams: number }>(sql`
    select rg.round_id, count(*) as teams
    from round_groups rg join groups g on g.id = rg.group_id and ${teams}
    where rg.organisation_id = ${organisationId}
    group by rg.round_id`)
  const teamsOf = new Map(assessed.map((a) => [a.round_id, a.teams]))
  return new Map(
    shown.map((s) => [
      s.round_id,
      { mean: s.mean, shown: s.shown, assessed: teamsOf.get(s.round_id) ?? 0 },
    ]),
  )
}
