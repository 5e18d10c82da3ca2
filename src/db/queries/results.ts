import { and, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { allPerspectives, type FigureKind, type KeptFigure } from '../../instruments/results'
import type { Db } from '../client'
import { jsonList, type ListOf } from '../json-list'
import type { Bound } from '../prepared'
import { roundFigures, rounds } from '../schema'
import { roundFields } from './rounds'

export type ResultsRound = typeof rounds.$inferSelect

/** The organisation's closed rounds, oldest first: the only rounds whose results are shown. */
export const closedRoundsOf = (organisationId: Bound): ListOf<ResultsRound> => ({
  fields: roundFields,
  from: sql`from ${rounds} where ${and(eq(rounds.organisationId, organisationId), eq(rounds.status, 'closed'))}`,
  orderBy: sql`${rounds.opensOn}, ${rounds.closesOn}, ${rounds.name}`,
})

export async function listClosedRounds(db: Db, organisationId: string): Promise<ResultsRound[]> {
  return jsonList(db, closedRoundsOf(organisationId))
}

export type FigureFilter = {
  /** These rounds only (at most 90); every closed round when left out. */
  roundIds?: readonly string[]
  groupId?: string
  kinds?: readonly FigureKind[]
  /** These responses, domains or items only, by key ('' for responses and totals). */
  keys?: readonly string[]
  /** Every perspective together only, not each perspective. */
  wholeOnly?: boolean
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
  if (filter.groupId) where.push(eq(roundFigures.groupId, filter.groupId))
  if (filter.kinds) where.push(inArray(roundFigures.kind, [...filter.kinds]))
  if (filter.keys) where.push(inArray(roundFigures.key, [...filter.keys]))
  if (filter.wholeOnly) where.push(eq(roundFigures.perspective, allPerspectives))
  if (filter.roundIds?.length === 0 || filter.keys?.length === 0) return []
  return db
    .select({
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
    })
    .from(roundFigures)
    .where(and(...where))
}

/** Kept figures by round, then by group: a group a round assessed has at least its response count. */
export type FiguresByRound = ReadonlyMap<string, ReadonlyMap<string, readonly KeptFigure[]>>

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
  return rounds
}
