import { median } from './statistics'

export type Signal =
  | 'shift-up'
  | 'shift-down'
  | 'trend-up'
  | 'trend-down'
  | 'above-limit'
  | 'below-limit'

export type RunChart = {
  /** The centre line: the median of the baseline points. */
  median: number | null
  mean: number | null
  upperLimit: number | null
  lowerLimit: number | null
  baselinePoints: number
  points: { value: number; signals: Signal[] }[]
}

export const baselineLength = 12
export const shiftLength = 6
export const trendLength = 5
export const xmrConstant = 2.66

/**
 * Marks runs of shiftLength or more points on one side that reach past the baseline; a point on
 * the line neither counts nor breaks. Inside the baseline a run says nothing: the median splits
 * those very points in half, so a steady rise always has its first half "below".
 */
function markRuns(
  values: readonly number[],
  baselinePoints: number,
  onSide: (i: number) => boolean | null,
  mark: (i: number) => void,
) {
  let run: number[] = []
  const close = () => {
    if (run.length >= shiftLength && (run.at(-1) ?? 0) >= baselinePoints)
      for (const i of run) mark(i)
    run = []
  }
  for (let i = 0; i < values.length; i++) {
    const side = onSide(i)
    if (side === true) run.push(i)
    else if (side === false) close()
  }
  close()
}

/** Marks runs of trendLength or more points, each strictly above (or below) the one before. */
function markTrends(values: readonly number[], rising: boolean, mark: (i: number) => void) {
  let start = 0
  for (let i = 1; i <= values.length; i++) {
    const previous = values[i - 1] as number
    const current = values[i]
    const continues = current !== undefined && (rising ? current > previous : current < previous)
    if (!continues) {
      if (i - start >= trendLength) for (let j = start; j < i; j++) mark(j)
      start = i
    }
  }
}

/**
 * Rule 11 (docs/rules.md; Making Data Count): the median of the first 12 points (or all, if fewer) as the centre
 * line; a shift is 6 or more points in a row on one side of it, reaching past the baseline (points
 * on it neither count nor break the run); a trend is 5 or more points each higher (or each lower) than the one before; a
 * point outside mean ± 2.66 × the mean moving range of the baseline is a signal too.
 */
export function runChart(
  values: readonly number[],
  { baseline = baselineLength }: { baseline?: number } = {},
): RunChart {
  const base = values.slice(0, Math.min(baseline, values.length))
  const centre = median(base)
  const signals = values.map(() => new Set<Signal>())
  const mark = (signal: Signal) => (i: number) => {
    signals[i]?.add(signal)
  }
  if (centre !== null) {
    const side = (i: number, above: boolean) => {
      const v = values[i] as number
      return v === centre ? null : above ? v > centre : v < centre
    }
    markRuns(values, base.length, (i) => side(i, true), mark('shift-up'))
    markRuns(values, base.length, (i) => side(i, false), mark('shift-down'))
  }
  markTrends(values, true, mark('trend-up'))
  markTrends(values, false, mark('trend-down'))
  let mean: number | null = null
  let upperLimit: number | null = null
  let lowerLimit: number | null = null
  if (base.length >= 2) {
    mean = base.reduce((s, v) => s + v, 0) / base.length
    const ranges = base.slice(1).map((v, i) => Math.abs(v - (base[i] as number)))
    const movingRange = ranges.reduce((s, v) => s + v, 0) / ranges.length
    upperLimit = mean + xmrConstant * movingRange
    lowerLimit = mean - xmrConstant * movingRange
    for (const [i, v] of values.entries()) {
      if (v > upperLimit) mark('above-limit')(i)
      if (v < lowerLimit) mark('below-limit')(i)
    }
  }
  return {
    median: centre,
    mean,
    upperLimit,
    lowerLimit,
    baselinePoints: base.length,
    points: values.map((value, i) => ({ value, signals: [...(signals[i] ?? [])] })),
  }
}

export type Comparator = '>=' | '<=' | '>' | '<' | '='

export type Target = { comparator: Comparator; value: number }

export function targetMet(value: number, { comparator, value: target }: Target): boolean {
  switch (comparator) {
    case '>=':
      return value >= target
    case '<=':
      return value <= target
    case '>':
      return value > target
    case '<':
      return value < target
    case '=':
      return value === target
  }
}
