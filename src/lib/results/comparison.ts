import type { Db } from '../../db/client'
import { cached } from '../../db/closed-rounds-cache'
import { getInstrument } from '../../db/queries/instruments'
import { listComparedFigures, type ResultsRound } from '../../db/queries/results'
import {
  inDateOrder,
  type MeasuresSplit,
  measuresSplit,
  pairItems,
} from '../../instruments/comparison'
import type { Instrument } from '../../instruments/definition'
import { itemRanges, wholeForComparison } from '../../instruments/group-results'
import type { ComparedFigure } from '../../instruments/results'
import {
  type TeamChange,
  teamChangeConsensus,
  teamChangeIndividual,
} from '../../instruments/team-change'

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

/** Rule 7 (docs/rules.md): versions of one instrument (or one derived from the other) are compared; others not. */
export function comparable(before: Instrument, after: Instrument) {
  return before.slug === after.slug || after.derivedFrom === `${before.url}|${before.version}`
}

type Group = { id: string; name: string; kind: 'executive' | 'team' }

const fewer = (k: number, what: string) => `fewer than ${k} ${what} at one of the rounds`

/** A group's comparison, without its name: what two closed rounds alone decide. */
type Compared = Omit<GroupComparison, 'groupId' | 'name' | 'kind'>

const notCompared = (excluded: string): Compared => ({
  excluded,
  split: null,
  change: null,
  totalExcluded: null,
})

/**
 * Every group either round assessed, compared (rules 6 to 9) or with the reason it is not. Two
 * closed rounds alone decide it, so it is worked out once a pair of rounds and kept.
 */
function comparedGroups(
  db: Db,
  organisationId: string,
  from: ResultsRound,
  to: ResultsRound,
  a: Instrument,
  b: Instrument,
): Promise<ReadonlyMap<string, Compared>> {
  return cached(`comparison|${organisationId}|${from.id}|${to.id}`, async () => {
    const kept = await listComparedFigures(db, organisationId, [from.id, to.id])
    const before = kept.get(from.id) ?? new Map<string, ComparedFigure[]>()
    const after = kept.get(to.id) ?? new Map<string, ComparedFigure[]>()
    const pairs = pairItems(a, b)
    const rangesBefore = itemRanges(a)
    const rangesAfter = itemRanges(b)
    const k = Math.max(from.anonymityThreshold, to.anonymityThreshold)
    const compare = (
      rowsBefore?: readonly ComparedFigure[],
      rowsAfter?: readonly ComparedFigure[],
    ): Compared => {
      if (!rowsBefore || !rowsAfter)
        return notCompared(`not assessed at the ${rowsBefore ? 'later' : 'earlier'} round`)
      if (from.mode !== to.mode)
        return notCompared('one round was individual and the other consensus')
      const then = wholeForComparison(from, rowsBefore, rangesBefore)
      const now = wholeForComparison(to, rowsAfter, rangesAfter)
      if (from.mode === 'individual' && (then.responses === null || now.responses === null))
        return notCompared(fewer(k, 'responses'))
      const split = measuresSplit(
        { instrument: a, items: then.items },
        { instrument: b, items: now.items },
        { mid: to.itemMid, pairs },
      )
      if (split.comparable === 0) {
        return {
          excluded: null,
          split,
          change: null,
          totalExcluded: 'no question could be compared, so neither is the total',
        }
      }
      if (to.mode === 'consensus') {
        const change = teamChangeConsensus(
          then.total?.mean ?? null,
          now.total?.mean ?? null,
          { rose: split.improved, fell: split.declined },
          { mid: to.teamMid },
        )
        return { excluded: null, split, change, totalExcluded: null }
      }
      return then.total && now.total
        ? {
            excluded: null,
            split,
            change: teamChangeIndividual(then.total, now.total, { mid: to.teamMid }),
            totalExcluded: null,
          }
        : { excluded: null, split, change: null, totalExcluded: fewer(k, 'people with a total') }
    }
    const compared = new Map<string, Compared>()
    let size = 0
    for (const groupId of new Set([...before.keys(), ...after.keys()])) {
      const group = compare(before.get(groupId), after.get(groupId))
      compared.set(groupId, group)
      size += 1 + (group.split ? group.split.items.length + group.split.excludedItems.length : 0)
    }
    return { value: compared, size }
  })
}

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
    getInstrument(db, organisationId, from.instrumentSlug, from.instrumentVersion),
    getInstrument(db, organisationId, to.instrumentSlug, to.instrumentVersion),
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
  const compared = await comparedGroups(db, organisationId, from, to, a.instrument, b.instrument)
  const listed = groups.flatMap((group) => {
    const found = compared.get(group.id)
    return found ? [{ groupId: group.id, name: group.name, kind: group.kind, ...found }] : []
  })
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
    groups: listed,
    domainTitles,
    itemTitles,
  }
}

export type ComparisonData = Awaited<ReturnType<typeof comparisonData>>
