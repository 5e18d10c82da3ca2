import { and, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { figureKinds } from '../../instruments/enums'
import {
  allPerspectives,
  type ComparedFigure,
  type FigureKind,
  type KeptFigure,
  type KeptGroup,
  keptGroup,
} from '../../instruments/results'
import { chunksOf } from '../chunks'
import type { Db } from '../client'
import { jsonList, type ListQuery } from '../json-list'
import type { Bound } from '../prepared'
import { comparedFigures, roundFigures, rounds } from '../schema'
import { roundFields } from './rounds'

export type ResultsRound = typeof rounds.$inferSelect

/** The organisation's closed rounds, oldest first: the only rounds whose results are shown. */
export const closedRoundsQuery = (organisationId: Bound): ListQuery<ResultsRound> => ({
  fields: roundFields,
  from: sql`from ${rounds} where ${and(eq(rounds.organisationId, organisationId), eq(rounds.status, 'closed'))}`,
  orderBy: sql`${rounds.opensOn}, ${rounds.closesOn}, ${rounds.name}`,
})

export async function listClosedRounds(db: Db, organisationId: string): Promise<ResultsRound[]> {
  return jsonList(db, closedRoundsQuery(organisationId))
}

export type FigureFilter = {
  /** These rounds only (at most 90); every closed round when left out. */
  roundIds?: readonly string[]
  /** These groups only (a few); every group when left out. */
  groupIds?: readonly string[]
  kinds?: readonly FigureKind[]
  /** Every perspective together only, not each perspective. */
  wholeOnly?: boolean
  /** Of the domains' figures, these domains' only. */
  domainKeys?: readonly string[]
}

/**
 * The kept figures of closed rounds (figures are kept only when a round closes), as named rows:
 * the one read every results page and export is built from.
 */
export async function listRoundFigures(
  db: Db,
  organisationId: string,
  filter: FigureFilter = {},
): Promise<KeptFigure[]> {
  const where: SQL[] = [eq(roundFigures.organisationId, organisationId)]
  if (filter.roundIds) where.push(inArray(roundFigures.roundId, [...filter.roundIds]))
  if (filter.groupIds) where.push(inArray(roundFigures.groupId, [...filter.groupIds]))
  // Every kind named, when everyone together's are read, so that the index on perspective, kind
  // and round finds each round's rows rather than passing over every round's.
  const kinds = filter.kinds ?? (filter.wholeOnly ? figureKinds : undefined)
  if (kinds) where.push(inArray(roundFigures.kind, [...kinds]))
  if (filter.wholeOnly) where.push(eq(roundFigures.perspective, allPerspectives))
  if (filter.domainKeys)
    where.push(
      sql`(${roundFigures.kind} <> 'domain' or ${inArray(roundFigures.key, [...filter.domainKeys])})`,
    )
  if (filter.roundIds?.length === 0 || filter.groupIds?.length === 0) return []
  // One JSON value for all the rows: libSQL spends microseconds on each row object it makes.
  return jsonList(db, {
    fields: {
      roundId: roundFigures.roundId,
      groupId: roundFigures.groupId,
      perspective: roundFigures.perspective,
      kind: roundFigures.kind,
      key: roundFigures.key,
      n: roundFigures.n,
      sum: roundFigures.sum,
      sumOfSquares: roundFigures.sumOfSquares,
      insufficient: roundFigures.insufficient,
      naCount: roundFigures.naCount,
      dkCount: roundFigures.dkCount,
    },
    from: sql`from ${roundFigures} where ${and(...where)}`,
  }) as Promise<KeptFigure[]>
}

/**
 * Every kept figure of one round's groups, every perspective: read 50 groups a statement (at the
 * reference trust's size about 1.2 MB of JSON, under D1's 2,000,000-byte limit on a value), the
 * statements at once.
 */
export async function listRoundGroupFigures(
  db: Db,
  organisationId: string,
  roundId: string,
  groupIds: readonly string[],
): Promise<KeptFigure[]> {
  const reads = await Promise.all(
    chunksOf([...groupIds], 50).map((ids) =>
      listRoundFigures(db, organisationId, { roundIds: [roundId], groupIds: ids }),
    ),
  )
  return reads.flat()
}

/** Kept figures by round, then by group: a group a round assessed has at least its response count. */
export type FiguresByRound = ReadonlyMap<string, ReadonlyMap<string, KeptGroup>>

export function byRoundAndGroup(rows: readonly KeptFigure[]): FiguresByRound {
  const rounds = new Map<string, Map<string, KeptFigure[]>>()
  for (const row of rows) {
    let groups = rounds.get(row.roundId)
    if (!groups) {
      groups = new Map()
      rounds.set(row.roundId, groups)
    }
    const list = groups.get(row.groupId)
    if (list) list.push(row)
    else groups.set(row.groupId, [row])
  }
  return new Map(
    [...rounds].map(([roundId, groups]) => [
      roundId,
      new Map([...groups].map(([groupId, list]) => [groupId, keptGroup(list)])),
    ]),
  )
}

/**
 * What rules 8 and 9 compare of each group some closed rounds assessed, everyone together: its
 * response count, total and questions, as the few fields they use, by round and group; each
 * group's kept at close as one JSON value (at the reference trust, 151 values of about 750 bytes
 * a round rather than 5,400 figures of eleven fields, or the same JSON built on each read, which
 * took SQLite four times as long).
 */
export async function listComparedFigures(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
): Promise<Map<string, Map<string, ComparedFigure[]>>> {
  const found = new Map(roundIds.map((id) => [id, new Map<string, ComparedFigure[]>()]))
  const rows = await db
    .select({
      roundId: comparedFigures.roundId,
      groupId: comparedFigures.groupId,
      figures: comparedFigures.figures,
    })
    .from(comparedFigures)
    .where(
      and(
        eq(comparedFigures.organisationId, organisationId),
        inArray(comparedFigures.roundId, [...roundIds]),
      ),
    )
  for (const row of rows) {
    const figures: ComparedFigure[] = []
    for (const [kind, key, n, sum, sumOfSquares] of JSON.parse(row.figures) as [
      ComparedFigure['kind'],
      string,
      number,
      number,
      number,
    ][])
      figures.push({ perspective: allPerspectives, kind, key, n, sum, sumOfSquares })
    found.get(row.roundId)?.set(row.groupId, figures)
  }
  return found
}
