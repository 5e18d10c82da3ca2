import type { Db } from '../../db/client'
import { findInstrument } from '../../db/queries/instruments'
import {
  closedRoundList,
  membersOf,
  packedItemSums,
  packedScoreSums,
  type ResultsRound,
} from '../../db/queries/results'
import {
  type MeasuresSplit,
  stepSize,
  type TeamChange,
  teamChangeConsensus,
  teamChangeIndividual,
} from '../../instruments/comparison'
import { type Instrument, scaleOf } from '../../instruments/definition'
import { figuresOf, itemsOf, splitOf } from './kept'

export type GroupComparison = {
  groupId: string
  name: string
  kind: 'executive' | 'team'
  /** Why the group is not compared, when it is not. */
  excluded: string | null
  split: MeasuresSplit | null
  change: TeamChange | null
}

/** Rule 7: versions of one instrument (or one derived from the other) are compared; others not. */
export function comparable(before: Instrument, after: Instrument) {
  return before.slug === after.slug || after.derivedFrom === `${before.url}|${before.version}`
}

/**
 * Two closed rounds compared group by group: "X of N measures improved" with the whole split
 * (rule 8) and each group's change on its total (rule 9), with rule 6 applied at both rounds.
 */
export async function comparisonData(
  db: Db,
  organisationId: string,
  groups: readonly { id: string; name: string; kind: 'executive' | 'team' }[],
  fromId?: string,
  toId?: string,
) {
  const rounds = await closedRoundList(db, organisationId)
  const from = rounds.find((r) => r.id === fromId) ?? null
  const to = rounds.find((r) => r.id === toId) ?? null
  if (!from || !to) return { rounds, from, to, problem: null, groups: [], domainTitles: {} }
  const [a, b] = await Promise.all([
    findInstrument(db, organisationId, from.instrumentSlug, from.instrumentVersion),
    findInstrument(db, organisationId, to.instrumentSlug, to.instrumentVersion),
  ])
  if (!a || !b || !comparable(a.instrument, b.instrument)) {
    return {
      rounds,
      from,
      to,
      problem: 'These rounds used different questionnaires, so they cannot be compared (rule 7)',
      groups: [],
      domainTitles: {},
    }
  }
  const [sums, items, members] = await Promise.all([
    packedScoreSums(db, organisationId, [from.id, to.id]),
    packedItemSums(db, organisationId, [from.id, to.id]),
    membersOf(db, organisationId, [from.id, to.id]),
  ])
  const both = groups.filter(
    (g) => members.get(from.id)?.has(g.id) && members.get(to.id)?.has(g.id),
  )
  const compared: GroupComparison[] = []
  for (const group of both) {
    const figures = (round: ResultsRound) => figuresOf(round, sums.get(round.id, group.id))
    const before = figures(from)
    const after = figures(to)
    const base = {
      groupId: group.id,
      name: group.name,
      kind: group.kind,
      split: null,
      change: null,
    }
    if (from.mode !== to.mode) {
      compared.push({ ...base, excluded: 'one round was individual and the other consensus' })
      continue
    }
    if (!before.shown || !after.shown) {
      const k = Math.max(from.anonymityThreshold, to.anonymityThreshold)
      compared.push({ ...base, excluded: `fewer than ${k} responses at one of the rounds` })
      continue
    }
    const itemsBefore = items.get(from.id, group.id) ?? []
    const itemsAfter = items.get(to.id, group.id) ?? []
    const split = splitOf(
      { instrument: a.instrument, items: itemsOf(a.instrument, from, itemsBefore) },
      { instrument: b.instrument, items: itemsOf(b.instrument, to, itemsAfter) },
      to.itemMid,
    )
    const domainMeans = (f: typeof before) =>
      Object.fromEntries(Object.entries(f.domains).map(([k, s]) => [k, s.mean]))
    const firstItem = b.instrument.items[0]
    const change =
      to.mode === 'individual'
        ? before.total && after.total
          ? teamChangeIndividual(before.total, after.total, { mid: to.teamMid })
          : null
        : teamChangeConsensus(
            { total: before.total?.mean ?? null, domains: domainMeans(before) },
            { total: after.total?.mean ?? null, domains: domainMeans(after) },
            firstItem ? stepSize(scaleOf(b.instrument, firstItem)) : 100,
            { mid: to.teamMid },
          )
    compared.push({ ...base, excluded: null, split, change })
  }
  const domainTitles = Object.fromEntries(b.instrument.domains.map((d) => [d.key, d.title]))
  return { rounds, from, to, problem: null, groups: compared, domainTitles }
}

export type ComparisonData = Awaited<ReturnType<typeof comparisonData>>
