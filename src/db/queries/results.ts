import { and, eq, sql } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'
import { chunksOf } from '../chunks'
import type { Db } from '../client'
import { jsonList, type ListOf } from '../json-list'
import type { Bound } from '../prepared'
import { rounds } from '../schema'
import { roundFields } from './rounds'

export type ResultsRound = typeof rounds.$inferSelect

/** The organisation's closed rounds, oldest first: the only rounds whose results are shown. */
export const closedRoundsOf = (organisationId: Bound): ListOf<ResultsRound> => ({
  fields: roundFields,
  from: sql`from ${rounds} where ${and(eq(rounds.organisationId, organisationId), eq(rounds.status, 'closed'))}`,
  orderBy: sql`${rounds.opensOn}, ${rounds.name}`,
})

export async function closedRoundList(db: Db, organisationId: string): Promise<ResultsRound[]> {
  return jsonList(db, closedRoundsOf(organisationId))
}

const inList = (column: string, ids: readonly string[]) =>
  sql`${sql.raw(column)} in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`

type Kept = [roundId: string, groupId: string, responses: number, tuples: unknown[]]
type ScoreTuple = [string, string, number, number, number, number]
type ItemTuple = [string, number, number, number, number, number]
/** A closed round's kept sums of one kind, by group. */
export type KeptRound<T> = ReadonlyMap<string, readonly T[]>

const toScoreSums = ([perspective, measure, n, sum, sumOfSquares, insufficient]: ScoreTuple) => ({
  perspective,
  measure,
  n,
  sum,
  sumOfSquares,
  insufficient,
})
const toItemSums = ([linkId, n, sum, sumOfSquares, naCount, dkCount]: ItemTuple) => ({
  perspective: 'all',
  linkId,
  n,
  sum,
  sumOfSquares,
  naCount,
  dkCount,
})

/**
 * A closed round's kept results are written once, in the batch that closes it, and never change;
 * so each server keeps the rounds it read last (up to about 200,000 sums, some 20 MB) rather than
 * reading and unpacking them for every page. A round with no kept results is never kept here.
 */
const keptRounds = new LRUCache<string, KeptRound<unknown>>({
  maxSize: 200_000,
  sizeCalculation: (round) => {
    let size = 1
    for (const sums of round.values()) size += sums.length
    return size
  },
})

/**
 * The kept results of closed rounds, whole rounds at a time, by round then group. What is not
 * already kept is read in one statement per 90 rounds, the database joining the rows into one
 * JSON text, so a page reading every team's results pays for one row, not one per team.
 */
async function kept<T>(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  column: 'scores' | 'items',
  toSums: (tuple: never) => T,
) {
  const found = new Map<string, KeptRound<T>>()
  const keyOf = (roundId: string) => `${column}|${organisationId}|${roundId}`
  const missing: string[] = []
  for (const roundId of new Set(roundIds)) {
    const round = keptRounds.get(keyOf(roundId)) as KeptRound<T> | undefined
    if (round) found.set(roundId, round)
    else missing.push(roundId)
  }
  for (const ids of chunksOf(missing, 90)) {
    const [joined] = await db.all<{ packed: string | null }>(sql`
      select '[' || group_concat('[' || json_quote(round_id) || ',' || json_quote(group_id)
        || ',' || responses || ',' || ${sql.raw(column)} || ']', ',') || ']' as packed
      from round_results
      where organisation_id = ${organisationId} and ${inList('round_id', ids)}`)
    const read = new Map(ids.map((id) => [id, new Map<string, readonly T[]>()]))
    for (const [roundId, groupId, , tuples] of joined?.packed
      ? (JSON.parse(joined.packed) as Kept[])
      : [])
      read.get(roundId)?.set(groupId, (tuples as never[]).map(toSums))
    for (const [roundId, round] of read) {
      found.set(roundId, round)
      if (round.size > 0) keptRounds.set(keyOf(roundId), round)
    }
  }
  return found
}

/** The groups each of these closed rounds assessed. */
export async function membersOf(db: Db, organisationId: string, roundIds: readonly string[]) {
  const found = await kept(db, organisationId, roundIds, 'scores', toScoreSums)
  return new Map(roundIds.map((id) => [id, new Set(found.get(id)?.keys())]))
}

/** Kept sums looked up by round and group; a group a round assessed has some, even with no responses. */
export type KeptSums<T> = {
  get(roundId: string, groupId: string): readonly T[] | undefined
  has(roundId: string, groupId: string): boolean
  /** A round's sums of every group it assessed: the same map for as long as it is kept. */
  round(roundId: string): KeptRound<T> | undefined
}

/** The kept sums of these rounds, of some groups or every one the rounds assessed. */
function keptSums<T>(
  rounds: ReadonlyMap<string, KeptRound<T>>,
  groupIds: readonly string[] | undefined,
): KeptSums<T> {
  const only = groupIds ? new Set(groupIds) : null
  const get = (roundId: string, groupId: string) =>
    only && !only.has(groupId) ? undefined : rounds.get(roundId)?.get(groupId)
  return {
    get,
    has: (roundId, groupId) => get(roundId, groupId) !== undefined,
    round: (roundId) => rounds.get(roundId),
  }
}

/** Each group's score sums at these closed rounds; optionally of some groups only. */
export async function packedScoreSums(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  { groupIds }: { groupIds?: readonly string[] } = {},
) {
  return keptSums(await kept(db, organisationId, roundIds, 'scores', toScoreSums), groupIds)
}

/** Each group's item sums at these closed rounds (every perspective together). */
export async function packedItemSums(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  groupId?: string,
) {
  return keptSums(
    await kept(db, organisationId, roundIds, 'items', toItemSums),
    groupId ? [groupId] : undefined,
  )
}
