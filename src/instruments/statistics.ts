import tQuantile from '@stdlib/stats-base-dists-t-quantile'
import { t975EighthsTo32, t975Table } from './t-table'

/** n, mean and sample standard deviation; mean is null when n = 0 and sd when n < 2. */
export type Summary = { n: number; mean: number | null; sd: number | null }

export function summarise(values: readonly number[]): Summary {
  const n = values.length
  if (n === 0) return { n, mean: null, sd: null }
  const mean = values.reduce((sum, v) => sum + v, 0) / n
  if (n < 2) return { n, mean, sd: null }
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0)
  return { n, mean, sd: Math.sqrt(squares / (n - 1)) }
}

/** The same summary from running sums (n, Σx, Σx²), as kept in the aggregate tables. */
export function summaryFromSums(n: number, sum: number, sumOfSquares: number): Summary {
  if (n === 0) return { n, mean: null, sd: null }
  const mean = sum / n
  if (n < 2) return { n, mean, sd: null }
  const variance = Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1))
  return { n, mean, sd: Math.sqrt(variance) }
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle] as number
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2
}

/**
 * t(0.975, ν) by ν, each worked out once: a constant of the distribution, and a server meets the
 * same ν (a kept figure's) on every page that shows it. Up to 50,000 are kept, then forgotten.
 */
const quantiles = new Map<number, number>()

/** Where the tables stop holding eighths of ν and hold whole ν only. */
const eighthsUpTo = 32

/** Tabled t(0.975, ν) at ν, when ν is on the tables' grid. */
function tabled(df: number): number | undefined {
  if (df <= eighthsUpTo) {
    const index = (df - 1) * 8
    return Number.isInteger(index) ? t975EighthsTo32[index] : undefined
  }
  return Number.isInteger(df) ? t975Table[df - 1] : undefined
}

/** The t quantile at 0.975 for ν degrees of freedom: a 95% interval is Δ ± t·SE. */
export function t975(degreesOfFreedom: number): number {
  const df = Math.max(1, degreesOfFreedom)
  const known = tabled(df)
  if (known !== undefined) return known
  let q = quantiles.get(df)
  if (q === undefined) {
    q = tQuantile(0.975, df)
    if (quantiles.size >= 50_000) quantiles.clear()
    quantiles.set(df, q)
  }
  return q
}

/**
 * Welch–Satterthwaite degrees of freedom of a difference of two means, from each mean's squared
 * standard error and its n. When both errors are 0, n₁ + n₂ − 2 stands in (the interval is then Δ
 * itself whatever ν is).
 */
export function welchDegreesOfFreedom(
  a: { squaredError: number; n: number },
  b: { squaredError: number; n: number },
): number {
  const most = Math.max(1, a.n + b.n - 2)
  const least = Math.max(1, Math.min(a.n, b.n) - 1)
  const sum = a.squaredError + b.squaredError
  if (sum === 0) return most
  const df = sum ** 2 / (a.squaredError ** 2 / (a.n - 1) + b.squaredError ** 2 / (b.n - 1))
  // Welch's ν lies between the smaller sample's n − 1 and n₁ + n₂ − 2; the bounds also catch the
  // underflow of errors near 0.
  return Number.isFinite(df) ? Math.min(most, Math.max(least, df)) : most
}

/** A difference of two means (on 0–100), its standard error and Welch's degrees of freedom. */
export function welchDifference(before: Summary, after: Summary) {
  const a = { squaredError: (before.sd ?? 0) ** 2 / before.n, n: before.n }
  const b = { squaredError: (after.sd ?? 0) ** 2 / after.n, n: after.n }
  return {
    delta: (after.mean as number) - (before.mean as number),
    se: Math.sqrt(a.squaredError + b.squaredError),
    df: welchDegreesOfFreedom(a, b),
  }
}

/** The step of the tables' grid from ν up: an eighth up to 32, then 1. */
const stepFrom = (df: number) => (df < eighthsUpTo ? 1 / 8 : 1)

/**
 * Bounds of t(0.975, ν) from the tables alone. The quantile falls as ν grows and is convex in ν,
 * so between the grid points either side of ν it lies under the straight line joining their
 * values, and over the line through the next two carried back to ν.
 */
function t975Bounds(degreesOfFreedom: number): readonly [number, number] {
  const df = Math.max(1, degreesOfFreedom)
  const step = stepFrom(df)
  const below = Math.floor(df / step) * step
  if (below === df) {
    const t = t975(df)
    return [t, t]
  }
  const above = below + step
  const beyond = above + stepFrom(above)
  const atBelow = t975(below)
  const atAbove = t975(above)
  const under = (atBelow * (above - df) + atAbove * (df - below)) / step
  const over = atAbove + ((above - df) * (atAbove - t975(beyond))) / (beyond - above)
  return [Math.max(atAbove, over), Math.min(atBelow, under)]
}

/**
 * Welch's 95% interval of a difference of two means, Δ ± t(0.975, ν)·SE, as a page shows it: its
 * ends to whole numbers (rule 13 in docs/rules.md), and whether it lies wholly above or below 0, each decided on
 * the unrounded interval. Each end lies between its values at t975Bounds; t at ν itself, which
 * costs a search (about 50 µs), is worked out only where they leave an end's whole number or its
 * side of 0 in doubt.
 */
export function welchInterval(before: Summary, after: Summary) {
  const { delta, se, df } = welchDifference(before, after)
  const [least, most] = t975Bounds(df)
  const narrow = least * se
  const wide = most * se
  let exact: number | undefined
  const half = () => {
    exact ??= t975(df) * se
    return exact
  }
  const end = (sign: 1 | -1) => {
    const near = Math.round(delta + sign * narrow)
    return near === Math.round(delta + sign * wide) ? near : Math.round(delta + sign * half())
  }
  const above = delta - wide > 0 || (delta - narrow > 0 && delta - half() > 0)
  const below = delta + wide < 0 || (delta + narrow < 0 && delta + half() < 0)
  return { delta, interval: [end(-1), end(1)] as const, above, below }
}

/**
 * Whether |Δ/SE| reaches t(0.975, ν): t975Bounds decide almost every case; only a ratio between
 * them needs ν's own.
 */
export function reachesT975(ratio: number, df: number): boolean {
  const r = Math.abs(ratio)
  const [least, most] = t975Bounds(df)
  if (r >= most) return true
  if (r < least) return false
  return r >= t975(df)
}

/**
 * The exact two-sided sign test: of the items that moved, `up` rose and `down` fell; p is twice the
 * binomial(up + down, ½) tail at the smaller count, at most 1. With nothing moved, p = 1.
 */
export function signTest(up: number, down: number): number {
  const n = up + down
  const low = Math.min(up, down)
  if (n === 0) return 1
  let term = 0.5 ** n
  let tail = term
  for (let k = 1; k <= low; k++) {
    term = (term * (n - k + 1)) / k
    tail += term
  }
  return Math.min(1, 2 * tail)
}
