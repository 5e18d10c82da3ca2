import { type Summary, signTest, welchInterval } from './statistics'

/** The smallest change of a team's total that rule 9 counts, unless the round names another. */
export const defaultTeamMid = 5

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
