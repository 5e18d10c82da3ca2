import {
  type MeasuresSplit,
  measuresSplit,
  type RoundItems,
  type RoundSide,
} from '../../instruments/comparison'
import type { Instrument } from '../../instruments/definition'
import {
  type GroupFigures,
  groupFigures,
  type ItemSums,
  type RoundRules,
  roundItems,
  type ScoreSums,
} from '../../instruments/results'

/**
 * A closed round's kept sums never change, and the queries hand out the same arrays while they
 * keep them; so what is worked out from those arrays is kept beside them, by the round's rules,
 * and every page reading them after the first pays for a lookup.
 */
export function memoised<S extends object, F>(work: (sums: S, round: RoundRules) => F) {
  const known = new WeakMap<S, Map<number, F>>()
  return (sums: S, round: RoundRules) => {
    // k applies to individual responses only; a consensus is keyed apart from every k.
    const rules = round.mode === 'consensus' ? 0 : round.anonymityThreshold
    let byRules = known.get(sums)
    if (!byRules) {
      byRules = new Map()
      known.set(sums, byRules)
    }
    let worked = byRules.get(rules)
    if (worked === undefined) {
      worked = work(sums, round)
      byRules.set(rules, worked)
    }
    return worked
  }
}

const noSums: readonly never[] = []

const keptFigures = memoised(
  (sums: readonly ScoreSums[], round): GroupFigures => groupFigures(round, sums),
)

/** A group's total and domain scores at a closed round, rule 6 applied (the engine's groupFigures). */
export const figuresOf = (round: RoundRules, sums: readonly ScoreSums[] | undefined) =>
  keptFigures(sums ?? noSums, round)

type ItemsWork = (sums: readonly ItemSums[], round: RoundRules) => RoundItems
const keptItems = new WeakMap<Instrument, ItemsWork>()

/** What a closed round holds per item for a group, for rule 8 (the engine's roundItems). */
export function itemsOf(
  instrument: Instrument,
  round: RoundRules,
  sums: readonly ItemSums[] | undefined,
) {
  let work = keptItems.get(instrument)
  if (!work) {
    work = memoised((rows: readonly ItemSums[], r) => roundItems(instrument, r, rows))
    keptItems.set(instrument, work)
  }
  return work(sums ?? noSums, round)
}

const keptSplits = new WeakMap<RoundItems, WeakMap<RoundItems, Map<number, MeasuresSplit>>>()

/**
 * Rule 8 for a group between two closed rounds (the engine's measuresSplit), kept for the items
 * of both rounds as itemsOf hands them out: what two closed rounds hold never changes.
 */
export function splitOf(before: RoundSide, after: RoundSide, mid: number) {
  let ofBefore = keptSplits.get(before.items)
  if (!ofBefore) {
    ofBefore = new WeakMap()
    keptSplits.set(before.items, ofBefore)
  }
  let byMid = ofBefore.get(after.items)
  if (!byMid) {
    byMid = new Map()
    ofBefore.set(after.items, byMid)
  }
  let split = byMid.get(mid)
  if (!split) {
    split = measuresSplit(before, after, { mid })
    byMid.set(mid, split)
  }
  return split
}
