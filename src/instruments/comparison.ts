import { type Instrument, sameScale, scaleOf } from './definition'
import { type AnswerValue, itemValue } from './scoring'
import { reachesT975, type Summary, welchDifference } from './statistics'

/** What a round holds per item: one agreed rating each (consensus), or summaries on 0–100. */
export type RoundItems =
  | { mode: 'consensus'; ratings: ReadonlyMap<string, AnswerValue | undefined> }
  | { mode: 'individual'; summaries: ReadonlyMap<string, Summary> }

export type RoundSide = { instrument: Instrument; items: RoundItems }

export const defaultItemMid = 12.5

export type ExcludedItem = { linkId: string; domain: string; reason: string }
export type ComparableItem = { linkId: string; domain: string }

function validAt(side: RoundItems, linkId: string): boolean {
  if (side.mode === 'consensus') return itemValue(side.ratings.get(linkId)) !== null
  const summary = side.summaries.get(linkId)
  return summary !== undefined && summary.n >= 2 && summary.mean !== null && summary.sd !== null
}

/** Why an item with no valid figure at a round is left out, by mode: at the earlier, the later. */
const invalidAt = {
  consensus: ['earlier', 'later'].map(
    (round) => `no rating at the ${round} round (not answered, not applicable or don’t know)`,
  ),
  individual: ['earlier', 'later'].map(
    (round) => `too few answers at the ${round} round to show or to judge a change`,
  ),
}

/** Why an item in both versions on one scale is left out at these rounds, or null when it is not. */
const invalidReason = (before: RoundItems, after: RoundItems, linkId: string) =>
  !validAt(before, linkId)
    ? (invalidAt[before.mode][0] as string)
    : !validAt(after, linkId)
      ? (invalidAt[after.mode][1] as string)
      : null

/**
 * The items of both versions in order: those in both on the same scale (still to be checked for
 * valid answers) and those left out whatever the answers, with the reason.
 */
export type PairedItems = (ComparableItem & { reason: string | null })[]

/** Rule 7 (docs/rules.md) on the versions alone: worked out once for a comparison of many groups. */
export function pairItems(before: Instrument, after: Instrument): PairedItems {
  const pairs: PairedItems = []
  const afterItems = new Map(after.items.map((item) => [item.linkId, item]))
  for (const item of before.items) {
    const later = afterItems.get(item.linkId)
    const entry = { linkId: item.linkId, domain: item.domain }
    if (!later) {
      pairs.push({ ...entry, reason: `not asked in version ${after.version} of the questionnaire` })
    } else if (!sameScale(scaleOf(before, item), scaleOf(after, later))) {
      pairs.push({ ...entry, reason: 'its answer scale changed between the versions' })
    } else {
      pairs.push({ ...entry, reason: null })
    }
  }
  const beforeIds = new Set(before.items.map((item) => item.linkId))
  for (const item of after.items) {
    if (!beforeIds.has(item.linkId)) {
      pairs.push({
        linkId: item.linkId,
        domain: item.domain,
        reason: `not asked in version ${before.version} of the questionnaire`,
      })
    }
  }
  return pairs
}

/**
 * Rule 7: items compared are those with the same linkId and the same scale in both versions,
 * valid at both rounds. Every other item is listed with the reason it was left out.
 */
export function comparableItems(
  before: RoundSide,
  after: RoundSide,
  pairs: PairedItems = pairItems(before.instrument, after.instrument),
) {
  const comparable: ComparableItem[] = []
  const excluded: ExcludedItem[] = []
  for (const { linkId, domain, reason } of pairs) {
    const why = reason ?? invalidReason(before.items, after.items, linkId)
    if (why === null) comparable.push({ linkId, domain })
    else excluded.push({ linkId, domain, reason: why })
  }
  return { comparable, excluded }
}

export type ItemOutcome = 'improved' | 'unchanged' | 'declined'
export type ItemChange = ComparableItem & {
  outcome: ItemOutcome
  delta: number
  /** Δ / SE, held against t(0.975, ν) at Welch's ν (individual mode only). */
  ratio: number | null
}
export type Split = { improved: number; unchanged: number; declined: number; excluded: number }
export type MeasuresSplit = Split & {
  comparable: number
  rule: string
  items: ItemChange[]
  excludedItems: ExcludedItem[]
  byDomain: (Split & { domain: string })[]
}

function ratioOf(delta: number, se: number): number {
  if (se > 0) return delta / se
  return delta === 0 ? 0 : delta > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
}

function itemChange(
  before: RoundSide,
  after: RoundSide,
  item: ComparableItem,
  mid: number,
): ItemChange {
  const { linkId, domain } = item
  if (before.items.mode === 'consensus' && after.items.mode === 'consensus') {
    const delta =
      (itemValue(after.items.ratings.get(linkId)) ?? 0) -
      (itemValue(before.items.ratings.get(linkId)) ?? 0)
    const outcome = delta > 0 ? 'improved' : delta < 0 ? 'declined' : 'unchanged'
    return { linkId, domain, delta, ratio: null, outcome }
  }
  if (before.items.mode !== 'individual' || after.items.mode !== 'individual')
    throw new Error('Rounds are compared only within one mode')
  const a = before.items.summaries.get(linkId) as Summary
  const b = after.items.summaries.get(linkId) as Summary
  const { delta, se, df } = welchDifference(a, b)
  const ratio = ratioOf(delta, se)
  const outcome: ItemOutcome =
    delta >= mid && ratio > 0 && reachesT975(ratio, df)
      ? 'improved'
      : delta <= -mid && ratio < 0 && reachesT975(ratio, df)
        ? 'declined'
        : 'unchanged'
  return { linkId, domain, delta, ratio, outcome }
}

/** Rule 8 in words, as the pages name it. */
export function measuresRule(mode: 'individual' | 'consensus', mid = defaultItemMid) {
  return mode === 'consensus'
    ? 'A question counts as improved or declined when the agreed rating moved by at least one level.'
    : `A question counts as improved or declined when its average moved by at least ${mid} points (of 100) and by more than chance would explain (its 95% interval, by Welch’s t, does not include 0).`
}

/**
 * Rule 8, "X of N measures improved": for a consensus (or single) rating a rise of a step is an
 * improvement; for individual responses the change of means must reach the MID and Δ/SE must reach
 * the t quantile at Welch's degrees of freedom. Always the whole split, and the split by domain.
 */
export function measuresSplit(
  before: RoundSide,
  after: RoundSide,
  { mid = defaultItemMid, pairs }: { mid?: number; pairs?: PairedItems } = {},
): MeasuresSplit {
  if (before.items.mode !== after.items.mode) {
    throw new Error(
      'Rounds are compared only within one mode: consensus with consensus, individual with individual',
    )
  }
  const domainKeys = [
    ...new Set([...before.instrument.domains, ...after.instrument.domains].map((d) => d.key)),
  ]
  const byDomain = domainKeys.map((domain) => ({
    domain,
    improved: 0,
    unchanged: 0,
    declined: 0,
    excluded: 0,
  }))
  const domainSplit = new Map(byDomain.map((split) => [split.domain, split]))
  const whole: Split = { improved: 0, unchanged: 0, declined: 0, excluded: 0 }
  const items: ItemChange[] = []
  const excludedItems: ExcludedItem[] = []
  for (const pair of pairs ?? pairItems(before.instrument, after.instrument)) {
    const split = domainSplit.get(pair.domain)
    const reason = pair.reason ?? invalidReason(before.items, after.items, pair.linkId)
    if (reason !== null) {
      excludedItems.push({ linkId: pair.linkId, domain: pair.domain, reason })
      whole.excluded++
      if (split) split.excluded++
      continue
    }
    const change = itemChange(before, after, pair, mid)
    items.push(change)
    whole[change.outcome]++
    if (split) split[change.outcome]++
  }
  return {
    ...whole,
    comparable: items.length,
    rule: measuresRule(before.items.mode, mid),
    items,
    excludedItems,
    byDomain,
  }
}

export function describeSplit(split: Split & { comparable: number }): string {
  return `${split.improved} improved, ${split.unchanged} unchanged, ${split.declined} declined, ${split.excluded} excluded (of ${split.comparable + split.excluded} questions)`
}

/** Rule 12: two rounds in date order, earlier first, and whether they were asked the other way. */
export function inDateOrder<R extends { opensOn: string; closesOn: string; name: string }>(
  a: R,
  b: R,
): { earlier: R; later: R; swapped: boolean } {
  const key = (r: R) => `${r.opensOn}|${r.closesOn}|${r.name}`
  return key(a) <= key(b)
    ? { earlier: a, later: b, swapped: false }
    : { earlier: b, later: a, swapped: true }
}
