import type { Db } from '../../db/client'
import { findInstrument } from '../../db/queries/instruments'
import { type ResultsRound, roundFiguresPart } from '../../db/queries/results'
import {
  inDateOrder,
  type MeasuresSplit,
  measuresSplit,
  pairItems,
  type TeamChange,
  teamChangeConsensus,
  teamChangeIndividual,
} from '../../instruments/comparison'
import type { Instrument } from '../../instruments/definition'
import { itemRanges, wholeForComparison } from '../../instruments/results'

export type GroupComparison = {
  groupId: string
  name: string
  kind: 'executive' | 'team'
  /** Why the group is not compared at all, when it is not. */
  excluded: string | null
  split: MeasuresSplit | null
  change: TeamChange | null
  /** Why the total is not compared, when the questions are. */
  totalExcluded: string | null
}

/** Rule 7: versions of one instrument (or one derived from the other) are compared; others not. */
export function comparable(before: Instrument, after: Instrument) {
  return before.slug === after.slug || after.derivedFrom === `${before.url}|${before.version}`
}

type Group = { id: string; name: string; kind: 'executive' | 'team' }

const fewer = (k: number, what: string) => `fewer than ${k} ${what} at one of the rounds`

/**
 * Two closed rounds compared group by group, the earlier first whichever way they were asked
 * (rule 12): "X of N measures improved" with the whole split (rule 8) and each group's change on
 * its total (rule 9). Every group either round assessed is listed, compared or with the reason it
 * is not; rule 6 applies to every figure at both rounds.
 */
export async function comparisonData(
  db: Db,
  organisationId: string,
  rounds: readonly ResultsRound[],
  groups: readonly Group[],
  fromId?: string,
  toId?: string,
) {
  const first = rounds.find((r) => r.id === fromId) ?? null
  const second = rounds.find((r) => r.id === toId) ?? null
  const none = {
    rounds,
    swapped: false,
    problem: null,
    groups: [],
    domainTitles: {},
    itemTitles: {},
  }
  if (!first || !second) return { ...none, from: first, to: second }
  if (first.id === second.id)
    return { ...none, from: first, to: second, problem: 'Choose two different rounds to compare' }
  const { earlier: from, later: to, swapped } = inDateOrder(first, second)
  const [a, b] = await Promise.all([
    findInstrument(db, organisationId, from.instrumentSlug, from.instrumentVersion),
    findInstrument(db, organisationId, to.instrumentSlug, to.instrumentVersion),
  ])
  if (!a || !b || !comparable(a.instrument, b.instrument)) {
    return {
      ...none,
      from,
      to,
      swapped,
      problem:
        'These rounds used different questionnaires, so they cannot be compared: questions are compared only where they carry over from one version of a questionnaire to the next',
    }
  }
  const kept = await roundFiguresPart(db, organisationId, [from.id, to.id], 'whole')
  const at = (round: ResultsRound, group: Group) => kept.get(round.id)?.get(group.id)
  const pairs = pairItems(a.instrument, b.instrument)
  const rangesBefore = itemRanges(a.instrument)
  const rangesAfter = itemRanges(b.instrument)
  const compared: GroupComparison[] = []
  for (const group of groups) {
    const rowsBefore = at(from, group)
    const rowsAfter = at(to, group)
    if (!rowsBefore && !rowsAfter) continue
    const base = { groupId: group.id, name: group.name, kind: group.kind }
    const notCompared = (excluded: string) => ({
      ...base,
      excluded,
      split: null,
      change: null,
      totalExcluded: null,
    })
    if (!rowsBefore || !rowsAfter) {
      compared.push(notCompared(`not assessed at the ${rowsBefore ? 'later' : 'earlier'} round`))
      continue
    }
    if (from.mode !== to.mode) {
      compared.push(notCompared('one round was individual and the other consensus'))
      continue
    }
    const before = wholeForComparison(from, rowsBefore.rows, rangesBefore)
    const after = wholeForComparison(to, rowsAfter.rows, rangesAfter)
    const k = Math.max(from.anonymityThreshold, to.anonymityThreshold)
    if (from.mode === 'individual' && (before.responses === null || after.responses === null)) {
      compared.push(notCompared(fewer(k, 'responses')))
      continue
    }
    const split = measuresSplit(
      { instrument: a.instrument, items: before.items },
      { instrument: b.instrument, items: after.items },
      { mid: to.itemMid, pairs },
    )
    let change: TeamChange | null = null
    let totalExcluded: string | null = null
    if (split.comparable === 0) {
      totalExcluded = 'no question could be compared, so neither is the total'
    } else if (to.mode === 'individual') {
      if (before.total && after.total)
        change = teamChangeIndividual(before.total, after.total, { mid: to.teamMid })
      else totalExcluded = fewer(k, 'people with a total')
    } else {
      change = teamChangeConsensus(
        before.total?.mean ?? null,
        after.total?.mean ?? null,
        { rose: split.improved, fell: split.declined },
        { mid: to.teamMid },
      )
    }
    compared.push({ ...base, excluded: null, split, change, totalExcluded })
  }
  const domainTitles = Object.fromEntries(b.instrument.domains.map((d) => [d.key, d.title]))
  const itemTitles = Object.fromEntries(
    [...a.instrument.items, ...b.instrument.items].map((i) => [
      i.linkId,
      Object.values(i.text)[0] ?? i.linkId,
    ]),
  )
  return {
    rounds,
    from,
    to,
    swapped,
    problem: null,
    groups: compared,
    domainTitles,
    itemTitles,
  }
}

export type ComparisonData = Awaited<ReturnType<typeof comparisonData>>
