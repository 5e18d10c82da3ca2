import { and, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'
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
import { jsonList, type ListOf } from '../json-list'
import type { Bound } from '../prepared'
import { comparedFigures, figureKinds, roundFigures, rounds } from '../schema'
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
 * What of a closed round's figures a page needs: the smallest part that holds it is read. Each
 * statement's figures come as one JSON value, and D1 refuses a value over 2,000,000 bytes: so
 * each part is read this many rounds a statement (at the reference trust's 151 groups, about
 * 800 KB), the statements at once.
 */
const roundsPerStatement: Record<FiguresPart, number> = { scores: 4 }

const parts = {
  /** Every group's response count, total and domains, everyone together: a group's scores. */
  scores: { kinds: ['responses', 'total', 'domain'], wholeOnly: true },
} satisfies Record<string, FigureFilter>
export type FiguresPart = keyof typeof parts

/**
 * The one cache of results. A closed round's figures are written once, in the batch that closes
 * it, and never change (the database refuses it); its settings and its questionnaire are locked
 * from the day it opens. So what is read or worked out from closed rounds alone stays true, and
 * each server keeps what it read or worked out last (up to about 400,000 figures' worth) rather
 * than doing it again for every page: parts of rounds' figures, and comparisons of two rounds.
 */
const kept = new LRUCache<string, { value: unknown; size: number }>({
  maxSize: 400_000,
  sizeCalculation: (entry) => entry.size,
})

/**
 * What is worked out from closed rounds alone, under a key that names them all: kept once worked
 * out. `size` counts the figures it holds.
 */
export async function keptWork<T>(
  key: string,
  work: () => Promise<{ value: T; size: number }>,
): Promise<T> {
  const found = kept.get(key)
  if (found) return found.value as T
  const worked = await work()
  kept.set(key, { value: worked.value, size: Math.max(1, worked.size) })
  return worked.value
}

/** Where a round's part is kept: its key, and the kept groups, if any. */
const partKey = (part: FiguresPart, organisationId: string, roundId: string) =>
  `${part}|${organisationId}|${roundId}`
const keptPart = (part: FiguresPart, organisationId: string, roundId: string) =>
  kept.get(partKey(part, organisationId, roundId))?.value as
    | ReadonlyMap<string, KeptGroup>
    | undefined

const sizeOf = (groups: ReadonlyMap<string, KeptGroup>) => {
  let size = 1
  for (const group of groups.values()) size += group.rows.length
  return size
}

/**
 * Reads these rounds' figures (this many rounds a statement, the statements at once) into `found`
 * by round and group, and keeps each round's under its key.
 */
async function readAndKeep(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  perStatement: number,
  filter: Omit<FigureFilter, 'roundIds'>,
  keyOf: (roundId: string) => string,
  found: Map<string, ReadonlyMap<string, KeptGroup>>,
) {
  const reads = await Promise.all(
    chunksOf([...roundIds], perStatement).map((ids) =>
      listRoundFigures(db, organisationId, { ...filter, roundIds: ids }),
    ),
  )
  for (const rows of reads) {
    for (const [roundId, groups] of byRoundAndGroup(rows)) {
      found.set(roundId, groups)
      kept.set(keyOf(roundId), { value: groups, size: sizeOf(groups) })
    }
  }
}

/**
 * A part of these closed rounds' figures, by round and group: what is not kept is read, a few
 * rounds a statement. A round with no figures (not closed) is never kept.
 */
export async function roundFiguresPart(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  part: FiguresPart,
): Promise<FiguresByRound> {
  const found = new Map<string, ReadonlyMap<string, KeptGroup>>()
  const keyOf = (roundId: string) => partKey(part, organisationId, roundId)
  const missing: string[] = []
  for (const roundId of new Set(roundIds)) {
    const groups = keptPart(part, organisationId, roundId)
    if (groups) found.set(roundId, groups)
    else missing.push(roundId)
  }
  await readAndKeep(
    db,
    organisationId,
    missing,
    roundsPerStatement[part],
    parts[part],
    keyOf,
    found,
  )
  return found
}

/**
 * A part of these closed rounds' figures for a few groups only (a team and the executive): what a
 * page about one team needs, without reading every group's, so that a server's first such page
 * reads a few hundred figures rather than every team's. Taken from a round's whole part where that
 * is kept; otherwise read, and kept group by group (a group the round did not assess as well).
 */
export async function groupsFiguresPart(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  groupIds: readonly string[],
  part: FiguresPart,
): Promise<FiguresByRound> {
  const found = new Map<string, Map<string, KeptGroup>>()
  const keyOf = (roundId: string, groupId: string) =>
    `${part}|${organisationId}|${roundId}|group ${groupId}`
  const missing = new Set<string>()
  for (const roundId of new Set(roundIds)) {
    const groups = new Map<string, KeptGroup>()
    found.set(roundId, groups)
    const whole = keptPart(part, organisationId, roundId)
    for (const groupId of groupIds) {
      const entry = whole
        ? { value: whole.get(groupId) ?? null }
        : kept.get(keyOf(roundId, groupId))
      if (!entry) missing.add(roundId)
      else if (entry.value) groups.set(groupId, entry.value as KeptGroup)
    }
  }
  for (const ids of chunksOf([...missing], 80)) {
    const read = byRoundAndGroup(
      await listRoundFigures(db, organisationId, { ...parts[part], roundIds: ids, groupIds }),
    )
    for (const roundId of ids) {
      for (const groupId of groupIds) {
        const group = read.get(roundId)?.get(groupId) ?? null
        if (group) found.get(roundId)?.set(groupId, group)
        kept.set(keyOf(roundId, groupId), { value: group, size: group ? group.rows.length : 1 })
      }
    }
  }
  return found
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

type RoundThreshold = { id: string; threshold: number }

/**
 * Reads rounds' figures worked out in the database, rounds that share a threshold together (most
 * of an organisation's share one), `perStatement` rounds a statement, the statements at once.
 */
async function readByThreshold<T>(
  rounds: readonly RoundThreshold[],
  perStatement: number,
  read: (threshold: number, roundIds: string[]) => Promise<T[]>,
): Promise<T[]> {
  const byThreshold = new Map<number, string[]>()
  for (const round of rounds)
    byThreshold.set(round.threshold, [...(byThreshold.get(round.threshold) ?? []), round.id])
  const reads = await Promise.all(
    [...byThreshold].flatMap(([threshold, ids]) =>
      chunksOf(ids, Math.max(1, perStatement)).map((chunk) => read(threshold, chunk)),
    ),
  )
  return reads.flat()
}

/** The rounds not kept yet under their keys; those kept go into `found`. */
function notKept<T>(
  rounds: readonly RoundThreshold[],
  keyOf: (roundId: string) => string,
  found: Map<string, T>,
) {
  return rounds.filter((round) => {
    const known = kept.get(keyOf(round.id))?.value as T | undefined
    if (known) found.set(round.id, known)
    return !known
  })
}

/** Figures of one kind of everyone together at these rounds, by one seek of the kind index. */
const wholeFiguresOf = (
  organisationId: string,
  kind: FigureKind,
  roundIds: readonly string[],
  ...more: SQL[]
) =>
  and(
    eq(roundFigures.organisationId, organisationId),
    eq(roundFigures.perspective, allPerspectives),
    eq(roundFigures.kind, kind),
    inArray(roundFigures.roundId, [...roundIds]),
    ...more,
  )

/** Whether a figure shows at a threshold: rule 6 (docs/rules.md), as wholeMean tests it. */
const passes = (threshold: number) =>
  sql`${roundFigures.n} > 0 and ${roundFigures.n} >= ${threshold}`

/**
 * What a closed round shows of each group's total and of some domains' scores: the groups it
 * assessed (a group nobody answered for as well), and each group's mean where rule 6 lets it
 * show (n above 0 and at least the round's threshold, as wholeMean tests it). A group assessed
 * but missing from a measure's means shows "fewer than k" there, or nothing in a consensus.
 */
export type GroupMeans = {
  assessed: ReadonlySet<string>
  total: ReadonlyMap<string, number>
  domains: ReadonlyMap<string, ReadonlyMap<string, number>>
}

type GroupMeansRow = {
  roundId: string
  kind: FigureKind
  key: string
  groups: string
  means: string
}

const noGroups: GroupMeans = { assessed: new Set(), total: new Map(), domains: new Map() }

/**
 * GroupMeans of these rounds, worked out where the figures are: each round's groups and means
 * cross as a few JSON values (for the overview at the reference trust, 40 rounds' 3,020 totals
 * as 80 values, rather than 6,040 figures of eleven fields to group here). What was worked out
 * before is kept; the rest is read as listDomainMeans reads.
 */
export async function listGroupMeans(
  db: Db,
  organisationId: string,
  roundThresholds: readonly RoundThreshold[],
  domainKeys: readonly string[] = [],
): Promise<Map<string, GroupMeans>> {
  const keys = [...new Set(domainKeys)].sort()
  const keyOf = (roundId: string) => `group means|${organisationId}|${roundId}|${keys.join(' ')}`
  const found = new Map<string, GroupMeans>()
  const missing = notKept(roundThresholds, keyOf, found)
  // Three parts of 3 parameters and the rounds, the threshold in two of them, and the keys.
  const rows = await readByThreshold(
    missing,
    Math.floor((100 - 11 - keys.length) / 3),
    (threshold, roundIds) => {
      // Each round's groups of a kind and key, and their means where asked.
      const groupsOf = (kind: FigureKind, means: SQL, ...where: SQL[]) => sql`
        select ${roundFigures.roundId} as roundId, ${roundFigures.kind} as kind,
          ${roundFigures.key} as key, json_group_array(${roundFigures.groupId}) as groups,
          ${means} as means
        from ${roundFigures}
        where ${wholeFiguresOf(organisationId, kind, roundIds, ...where)}
        group by ${roundFigures.roundId}, ${roundFigures.key}`
      const shownMeans = sql`json_group_array(${roundFigures.sum} * 1.0 / ${roundFigures.n})`
      const parts = [
        groupsOf('responses', sql`'[]'`),
        groupsOf('total', shownMeans, passes(threshold)),
      ]
      if (keys.length > 0)
        parts.push(
          groupsOf('domain', shownMeans, passes(threshold), inArray(roundFigures.key, keys)),
        )
      return db.all<GroupMeansRow>(sql.join(parts, sql` union all `))
    },
  )
  const read = new Map<
    string,
    { assessed: Set<string>; total: Map<string, number>; domains: Map<string, Map<string, number>> }
  >()
  for (const row of rows) {
    let at = read.get(row.roundId)
    if (!at) {
      at = { assessed: new Set(), total: new Map(), domains: new Map() }
      read.set(row.roundId, at)
    }
    const groups = JSON.parse(row.groups) as string[]
    if (row.kind === 'responses') {
      at.assessed = new Set(groups)
      continue
    }
    const means = JSON.parse(row.means) as number[]
    const byGroup = new Map(groups.map((id, i) => [id, means[i] as number]))
    if (row.kind === 'total') at.total = byGroup
    else at.domains.set(row.key, byGroup)
  }
  for (const round of missing) {
    const value = read.get(round.id)
    found.set(round.id, value ?? noGroups)
    // A round with no figures is not closed: never kept.
    if (value)
      kept.set(keyOf(round.id), {
        value,
        size: value.assessed.size + value.total.size * (1 + value.domains.size),
      })
  }
  return found
}

/**
 * Some domains' scores at closed rounds, with who they are of: the executive's where the round
 * assessed the executive, otherwise the mean of the teams' figures that show, and how many groups
 * show their response count. Each figure is tested as wholeMean tests it (n above 0 and at least
 * the round's threshold, given with the round), so no group below k adds to a mean.
 */
export type DomainMeans = { executive: boolean; shown: number; means: Map<string, number> }

/** A round's figure of one kind and key: the teams' that show, and the executive's. */
type DomainMeanRow = {
  roundId: string
  kind: string
  key: string
  teamsShown: number | null
  teamsTotal: number | null
  executiveAssessed: number
  executiveShown: number | null
  executiveTotal: number | null
}

/**
 * DomainMeans of these rounds, worked out where the figures are, so that about four numbers a
 * round and domain cross rather than every group's figures (for a workstream at the reference
 * trust, 9,060 figures and 1.2 MB of JSON). What was worked out before is kept; the rest is read,
 * rounds that share a threshold together, as many a statement as D1's 100 parameters allow.
 */
export async function listDomainMeans(
  db: Db,
  organisationId: string,
  roundThresholds: readonly RoundThreshold[],
  domainKeys: readonly string[],
  executiveId: string | null,
): Promise<Map<string, DomainMeans>> {
  const keys = [...new Set(domainKeys)].sort()
  const keyOf = (roundId: string) =>
    `domain means|${organisationId}|${roundId}|${executiveId}|${keys.join(' ')}`
  const found = new Map<string, DomainMeans>()
  const missing = notKept(roundThresholds, keyOf, found)
  if (keys.length === 0) return found
  // 10 parameters, the keys, and 2 a round.
  const rows = await readByThreshold(
    missing,
    Math.floor((100 - 10 - keys.length) / 2),
    (threshold, roundIds) => {
      // Each kind read by its own seek of the index (organisation, perspective, kind, round, key),
      // and added up in the order it is read: the executive's and the teams' side by side.
      const figures = (kind: 'responses' | 'domain', ...more: SQL[]) => sql`
        select round_id as roundId, kind, key,
          sum(case when not executive then passes end) as teamsShown,
          sum(case when passes and not executive then mean end) as teamsTotal,
          max(executive) as executiveAssessed,
          sum(case when executive then passes end) as executiveShown,
          sum(case when passes and executive then mean end) as executiveTotal
        from (
          select ${roundFigures.roundId} as round_id, ${roundFigures.kind} as kind,
            ${roundFigures.key} as key, ${roundFigures.groupId} = ${executiveId ?? ''} as executive,
            ${roundFigures.sum} * 1.0 / ${roundFigures.n} as mean,
            ${passes(threshold)} as passes
          from ${roundFigures}
          where ${wholeFiguresOf(organisationId, kind, roundIds, ...more)})
        group by round_id, key`
      return db.all<DomainMeanRow>(
        sql`${figures('responses')} union all ${figures('domain', inArray(roundFigures.key, keys))}`,
      )
    },
  )
  for (const round of missing) {
    const of = rows.filter((r) => r.roundId === round.id)
    const executive = of.some((r) => r.kind === 'responses' && r.executiveAssessed)
    const shownOf = (r: DomainMeanRow) => (executive ? r.executiveShown : r.teamsShown) ?? 0
    const means = new Map<string, number>()
    for (const r of of) {
      const total = executive ? r.executiveTotal : r.teamsTotal
      if (r.kind === 'domain' && shownOf(r) > 0 && total !== null)
        means.set(r.key, total / shownOf(r))
    }
    const responses = of.find((r) => r.kind === 'responses')
    const value = { executive, shown: responses ? shownOf(responses) : 0, means }
    found.set(round.id, value)
    kept.set(keyOf(round.id), { value, size: 1 + means.size })
  }
  return found
}
