import { and, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { allPerspectives, type FigureKind } from '../../instruments/results'
import { chunksOf } from '../chunks'
import type { Db } from '../client'
import { cachedEntry, cacheValue } from '../closed-rounds-cache'
import { roundFigures } from '../schema'

export type RoundThreshold = { id: string; threshold: number }

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
    const known = cachedEntry<T>(keyOf(round.id))?.value
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
      cacheValue(
        keyOf(round.id),
        value,
        value.assessed.size + value.total.size * (1 + value.domains.size),
      )
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
    cacheValue(keyOf(round.id), value, 1 + means.size)
  }
  return found
}
