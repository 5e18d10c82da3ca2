import { type Instrument, type Scale, sameScale, scaleOf, scaleRange } from './definition'
import { type AnswerValue, itemValue } from './scoring'
import { type Summary, z95 } from './statistics'

/** What a round holds per item: one agreed rating each (consensus), or summaries on 0–100. */
export type RoundItems =
  | { mode: 'consensus'; ratings: Readonly<Record<string, AnswerValue | undefined>> }
  | { mode: 'individual'; summaries: Readonly<Record<string, Summary | undefined>> }

export type RoundSide = { instrument: Instrument; items: RoundItems }

export const defaultItemMid = 12.5
export const defaultTeamMid = 5

export type ExcludedItem = { linkId: string; domain: string; reason: string }
export type ComparableItem = { linkId: string; domain: string }

function validAt(side: RoundItems, linkId: string): boolean {
  if (side.mode === 'consensus') return itemValue(side.ratings[linkId]) !== null
  const summary = side.summaries[linkId]
  return summary !== undefined && summary.n >= 2 && summary.mean !== null && summary.sd !== null
}

const invalidReason = (side: RoundItems, round: 1 | 2) =>
  side.mode === 'consensus'
    ? `no rating at round ${round} (not answered, not applicable or don't know)`
    : `fewer than 2 valid answers at round ${round}, so change cannot be judged`

/**
 * The items of both versions in order: those in both on the same scale (still to be checked for
 * valid answers) and those left out whatever the answers, with the reason.
 */
type PairedItems = (ComparableItem & { reason: string | null })[]

const pairings = new WeakMap<Instrument, WeakMap<Instrument, PairedItems>>()

/** Rule 7 on the versions alone (worked out once a pair: a comparison asks for every group). */
function pairItems(before: Instrument, after: Instrument): PairedItems {
  const known = pairings.get(before)?.get(after)
  if (known) return known
  const pairs: PairedItems = []
  const afterItems = new Map(after.items.map((item) => [item.linkId, item]))
  for (const item of before.items) {
    const later = afterItems.get(item.linkId)
    const entry = { linkId: item.linkId, domain: item.domain }
    if (!later) {
      pairs.push({ ...entry, reason: `not in ${after.slug} version ${after.version}` })
    } else if (!sameScale(scaleOf(before, item), scaleOf(after, later))) {
      pairs.push({ ...entry, reason: 'its scale changed between the versions' })
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
        reason: `not in ${before.slug} version ${before.version}`,
      })
    }
  }
  const ofBefore = pairings.get(before) ?? new WeakMap<Instrument, PairedItems>()
  ofBefore.set(after, pairs)
  pairings.set(before, ofBefore)
  return pairs
}

/**
 * Rule 7: items compared are those with the same linkId and the same scale in both versions,
 * valid at both rounds. Every other item is listed with the reason it was left out.
 */
export function comparableItems(before: RoundSide, after: RoundSide) {
  const comparable: ComparableItem[] = []
  const excluded: ExcludedItem[] = []
  for (const { linkId, domain, reason } of pairItems(before.instrument, after.instrument)) {
    const entry = { linkId, domain }
    if (reason !== null) {
      excluded.push({ ...entry, reason })
    } else if (!validAt(before.items, linkId)) {
      excluded.push({ ...entry, reason: invalidReason(before.items, 1) })
    } else if (!validAt(after.items, linkId)) {
      excluded.push({ ...entry, reason: invalidReason(after.items, 2) })
    } else {
      comparable.push(entry)
    }
  }
  return { comparable, excluded }
}

export type ItemOutcome = 'improved' | 'unchanged' | 'declined'
export type ItemChange = ComparableItem & { outcome: ItemOutcome; delta: number; z: number | null }
export type Split = { improved: number; unchanged: number; declined: number; excluded: number }
export type MeasuresSplit = Split & {
  comparable: number
  rule: string
  items: ItemChange[]
  excludedItems: ExcludedItem[]
  byDomain: (Split & { domain: string })[]
}

function classify(delta: number, z: number | null, mid: number | null): ItemOutcome {
  if (mid === null) return delta > 0 ? 'improved' : delta < 0 ? 'declined' : 'unchanged'
  if (delta >= mid && (z === null || z >= z95)) return 'improved'
  if (delta <= -mid && (z === null || z <= -z95)) return 'declined'
  return 'unchanged'
}

function zScore(delta: number, se: number): number {
  if (se > 0) return delta / se
  return delta === 0 ? 0 : delta > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
}

function itemChange(
  before: RoundSide,
  after: RoundSide,
  item: ComparableItem,
  mid: number,
): ItemChange {
  if (before.items.mode === 'consensus' || after.items.mode === 'consensus') {
    const ratingAt = (side: RoundSide) =>
      side.items.mode === 'consensus' ? (itemValue(side.items.ratings[item.linkId]) ?? 0) : 0
    const delta = ratingAt(after) - ratingAt(before)
    return {
      linkId: item.linkId,
      domain: item.domain,
      delta,
      z: null,
      outcome: classify(delta, null, null),
    }
  }
  const a = before.items.summaries[item.linkId] as Summary
  const b = after.items.summaries[item.linkId] as Summary
  const delta = (b.mean as number) - (a.mean as number)
  const se = Math.sqrt((a.sd as number) ** 2 / a.n + (b.sd as number) ** 2 / b.n)
  const z = zScore(delta, se)
  return { linkId: item.linkId, domain: item.domain, delta, z, outcome: classify(delta, z, mid) }
}

function tally(changes: readonly { outcome: ItemOutcome }[], excluded: number): Split {
  const split = { improved: 0, unchanged: 0, declined: 0, excluded }
  for (const change of changes) split[change.outcome]++
  return split
}

/**
 * Rule 8, "X of N measures improved": for a consensus (or single) rating a rise of a step is an
 * improvement; for individual responses the change of means must reach the MID and be reliable
 * (Δ/SE ≥ 1.96). Always the whole split, and the split by domain.
 */
export function measuresSplit(
  before: RoundSide,
  after: RoundSide,
  { mid = defaultItemMid }: { mid?: number } = {},
): MeasuresSplit {
  if (before.items.mode !== after.items.mode) {
    throw new Error(
      'Rounds are compared only within one mode: consensus with consensus, individual with individual',
    )
  }
  const { comparable, excluded } = comparableItems(before, after)
  const items = comparable.map((item) => itemChange(before, after, item, mid))
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
  for (const item of items) {
    const split = domainSplit.get(item.domain)
    if (split) split[item.outcome]++
  }
  for (const item of excluded) {
    const split = domainSplit.get(item.domain)
    if (split) split.excluded++
  }
  const rule =
    before.items.mode === 'consensus'
      ? 'Rule 8, consensus ratings: improved or declined when the agreed rating moved by at least one step'
      : `Rule 8, individual responses: improved or declined when the mean moved by at least ${mid} points on 0–100 and Δ/SE was at least 1.96`
  return {
    ...tally(items, excluded.length),
    comparable: items.length,
    rule,
    items,
    excludedItems: excluded,
    byDomain,
  }
}

export function describeSplit(split: Split & { comparable: number }): string {
  return `${split.improved} improved, ${split.unchanged} unchanged, ${split.declined} declined, ${split.excluded} excluded (of ${split.comparable + split.excluded})`
}

export type TeamOutcome = 'improved' | 'no reliable change' | 'fell' | 'insufficient data'
export type TeamChange = {
  outcome: TeamOutcome
  before: number | null
  after: number | null
  delta: number | null
  /** 95% interval of Δ (individual mode only). */
  interval: [number, number] | null
  nBefore: number
  nAfter: number
  provisional: boolean
  rule: string
}

/** Rule 9, individual mode: on the team total, Δ against the MID and 1.96 standard errors. */
export function teamChangeIndividual(
  before: Summary,
  after: Summary,
  { mid = defaultTeamMid }: { mid?: number } = {},
): TeamChange {
  const rule = `Rule 9, individual responses: improved or fell when the total moved by at least ${mid} points and by more than 1.96 standard errors`
  const base = {
    before: before.mean,
    after: after.mean,
    nBefore: before.n,
    nAfter: after.n,
    provisional: false,
    rule,
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
  const delta = after.mean - before.mean
  const se = Math.sqrt(before.sd ** 2 / before.n + after.sd ** 2 / after.n)
  const outcome: TeamOutcome =
    delta >= mid && delta > z95 * se
      ? 'improved'
      : delta <= -mid && delta < -z95 * se
        ? 'fell'
        : 'no reliable change'
  return { ...base, outcome, delta, interval: [delta - z95 * se, delta + z95 * se] }
}

export type ConsensusTeamRound = {
  total: number | null
  domains: Readonly<Record<string, number | null>>
}

/** The size on 0–100 of the smallest step between two levels of a scale. */
export function stepSize(scale: Scale): number {
  const { min, max } = scaleRange(scale)
  const gaps = scale.levels.slice(1).map((level, i) => level.value - (scale.levels[i]?.value ?? 0))
  return (Math.min(...gaps) / (max - min)) * 100
}

/**
 * Rule 9, consensus mode (one rating per team): improved or fell when |Δ| reaches the MID and at
 * least two domains moved by a whole step the same way. Always provisional.
 */
export function teamChangeConsensus(
  before: ConsensusTeamRound,
  after: ConsensusTeamRound,
  step: number,
  { mid = defaultTeamMid }: { mid?: number } = {},
): TeamChange & { domainsUp: number; domainsDown: number } {
  const rule = `Rule 9, consensus ratings: improved or fell when the total moved by at least ${mid} points and at least two domains moved a step the same way (provisional)`
  const base = {
    before: before.total,
    after: after.total,
    nBefore: 1,
    nAfter: 1,
    provisional: true,
    rule,
    interval: null,
  }
  const tolerance = 1e-9
  const moves = Object.keys(after.domains).flatMap((key) => {
    const a = before.domains[key]
    const b = after.domains[key]
    return typeof a === 'number' && typeof b === 'number' ? [b - a] : []
  })
  const domainsUp = moves.filter((m) => m >= step - tolerance).length
  const domainsDown = moves.filter((m) => m <= -step + tolerance).length
  if (before.total === null || after.total === null) {
    return { ...base, outcome: 'insufficient data', delta: null, domainsUp, domainsDown }
  }
  const delta = after.total - before.total
  const outcome: TeamOutcome =
    delta >= mid && domainsUp >= 2
      ? 'improved'
      : delta <= -mid && domainsDown >= 2
        ? 'fell'
        : 'no reliable change'
  return { ...base, outcome, delta, domainsUp, domainsDown }
}

/** A change as a whole number with its sign: +3, −9, 0. */
export const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(Math.round(x))}`
/** A score as a whole number, or a dash when there is none. */
export const plain = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : String(Math.round(x))

/** "Team C 58 → 55 (Δ −3, 95% CI −9 to +3): no reliable change". */
export function describeTeamChange(name: string, change: TeamChange): string {
  if (change.delta === null)
    return `${name} ${plain(change.before)} → ${plain(change.after)}: insufficient data`
  const interval = change.interval
    ? `, 95% CI ${signed(change.interval[0])} to ${signed(change.interval[1])}`
    : ''
  const provisional = change.provisional ? ' (provisional)' : ''
  return `${name} ${plain(change.before)} → ${plain(change.after)} (Δ ${signed(change.delta)}${interval}): ${change.outcome}${provisional}`
}

/** "4 improved, 1 no reliable change, 1 fell (rule 9, MID 5)". Teams are counted, never ranked. */
export function describeRollUp(changes: readonly TeamChange[], mid = defaultTeamMid): string {
  const count = (outcome: TeamOutcome) => changes.filter((c) => c.outcome === outcome).length
  const insufficient = count('insufficient data')
  const parts = [
    `${count('improved')} improved`,
    `${count('no reliable change')} no reliable change`,
    `${count('fell')} fell`,
  ]
  if (insufficient > 0) parts.push(`${insufficient} with insufficient data`)
  return `${parts.join(', ')} (rule 9, MID ${mid})`
}
