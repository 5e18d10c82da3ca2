import { type Instrument, sameScale, scaleOf } from './definition'
import { type AnswerValue, itemValue } from './scoring'
import { reachesT975, type Summary, signTest, welchDifference, welchInterval } from './statistics'

/** What a round holds per item: one agreed rating each (consensus), or summaries on 0–100. */
export type RoundItems =
  | { mode: 'consensus'; ratings: ReadonlyMap<string, AnswerValue | undefined> }
  | { mode: 'individual'; summaries: ReadonlyMap<string, Summary> }

export type RoundSide = { instrument: Instrument; items: RoundItems }

export const defaultItemMid = 12.5
export const defaultTeamMid = 5

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

export type TeamOutcome = 'improved' | 'no reliable change' | 'fell' | 'insufficient data'
export type TeamChange = {
  outcome: TeamOutcome
  before: number | null
  after: number | null
  delta: number | null
  /** 95% interval of Δ, its ends to whole numbers as shown (individual mode only). */
  interval: readonly [number, number] | null
  nBefore: number
  nAfter: number
  /** Consensus mode: questions that rose and fell, and the exact sign test's p. */
  signs: { rose: number; fell: number; p: number } | null
  rule: string
}

/** Rule 9 in words, as the pages name it. */
export function teamRule(mode: 'individual' | 'consensus', mid = defaultTeamMid) {
  return mode === 'consensus'
    ? `A total counts as improved or fell when it moved by at least ${mid} points (of 100) and the questions that moved went one way more often than chance would explain (an exact sign test, p below 0.05; questions that did not move are left out).`
    : `A total counts as improved or fell when it moved by at least ${mid} points (of 100) and its 95% interval (Welch’s t, from the spread of respondents’ totals) lies wholly above or below 0.`
}

/**
 * Rule 9, individual mode: Δ of the team totals with its 95% interval Δ ± t(0.975, ν)·SE, ν by
 * Welch–Satterthwaite; improved when Δ reaches the MID and the interval lies above 0, fell in the
 * mirror case.
 */
export function teamChangeIndividual(
  before: Summary,
  after: Summary,
  { mid = defaultTeamMid }: { mid?: number } = {},
): TeamChange {
  const base = {
    before: before.mean,
    after: after.mean,
    nBefore: before.n,
    nAfter: after.n,
    signs: null,
    rule: teamRule('individual', mid),
  }
  if (
    before.n < 2 ||
    after.n < 2 ||
    before.mean === null ||
    after.mean === null ||
    before.sd === null ||
    after.sd === null
  ) {
    return { ...base, outcome: 'insufficient data', delta: null, interval: null }
  }
  const { delta, interval, above, below } = welchInterval(before, after)
  const outcome: TeamOutcome =
    delta >= mid && above ? 'improved' : delta <= -mid && below ? 'fell' : 'no reliable change'
  return { ...base, outcome, delta, interval }
}

/**
 * Rule 9, consensus mode (one agreed rating per question): improved when Δ reaches the MID and the
 * questions that rose outnumber those that fell by an exact two-sided sign test at p < 0.05; fell in
 * the mirror case. Questions that did not move are left out of the test.
 */
export function teamChangeConsensus(
  before: number | null,
  after: number | null,
  moved: { rose: number; fell: number },
  { mid = defaultTeamMid }: { mid?: number } = {},
): TeamChange {
  const signs = { ...moved, p: signTest(moved.rose, moved.fell) }
  const base = {
    before,
    after,
    nBefore: 1,
    nAfter: 1,
    interval: null,
    signs,
    rule: teamRule('consensus', mid),
  }
  if (before === null || after === null)
    return { ...base, outcome: 'insufficient data', delta: null }
  const delta = after - before
  const reliable = signs.p < 0.05
  const outcome: TeamOutcome =
    delta >= mid && reliable && moved.rose > moved.fell
      ? 'improved'
      : delta <= -mid && reliable && moved.fell > moved.rose
        ? 'fell'
        : 'no reliable change'
  return { ...base, outcome, delta }
}

/**
 * Rule 13: a difference as a whole number with its sign (+3, −3, 0), rounded from the unrounded
 * figure, so never "−0" or "+0".
 */
export const signed = (x: number) => {
  const whole = Math.round(x)
  return `${whole > 0 ? '+' : whole < 0 ? '−' : ''}${Math.abs(whole)}`
}
/** A score as a whole number, or a dash when there is none. */
export const plain = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : String(Math.round(x))

/** A p value as people read it: "p = 0.003", "p < 0.001". */
export const pValue = (p: number) =>
  p < 0.001 ? 'p < 0.001' : `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`

/**
 * "Team C 58 → 55 (change −3, 95% interval −9 to +3): no reliable change": rule 9's sentence in
 * plain words; the rules page says what the interval is.
 */
export function describeTeamChange(name: string, change: TeamChange): string {
  if (change.delta === null)
    return `${name} ${plain(change.before)} → ${plain(change.after)}: insufficient data`
  const detail = change.interval
    ? `, 95% interval ${signed(change.interval[0])} to ${signed(change.interval[1])}`
    : change.signs
      ? `; ${change.signs.rose} questions rose, ${change.signs.fell} fell, sign test ${pValue(change.signs.p)}`
      : ''
  return `${name} ${plain(change.before)} → ${plain(change.after)} (change ${signed(change.delta)}${detail}): ${change.outcome}`
}

/**
 * "4 improved, 1 no reliable change, 1 fell; 1 not compared (fewer than 5 responses)": every group
 * of the rounds is counted, compared or not, and never ranked.
 */
export function describeRollUp(
  changes: readonly (TeamChange | null)[],
  notCompared: readonly string[] = [],
): string {
  const count = (outcome: TeamOutcome) => changes.filter((c) => c?.outcome === outcome).length
  const parts = [
    `${count('improved')} improved`,
    `${count('no reliable change')} no reliable change`,
    `${count('fell')} fell`,
  ]
  const reasons = [
    ...notCompared,
    ...changes.filter((c) => c?.outcome === 'insufficient data').map(() => 'too few totals'),
  ]
  if (reasons.length === 0) return parts.join(', ')
  const distinct = [...new Set(reasons)]
  const why =
    distinct.length === 1
      ? distinct[0]
      : distinct.map((r) => `${reasons.filter((x) => x === r).length} ${r}`).join('; ')
  return `${parts.join(', ')}; ${reasons.length} not compared (${why})`
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
