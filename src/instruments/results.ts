import type { figureKinds } from './enums'
import type { Summary } from './statistics'

/** The perspective under which a group's figures of every perspective together are kept. */
export const allPerspectives = 'all'
/** The measure under which a respondent's total is kept beside their domain scores. */
export const totalMeasure = 'total'

export type FigureKind = (typeof figureKinds)[number]

/**
 * One figure of a closed round as kept at close: a slice (group × perspective, or every
 * perspective together) and a measure. `n` counts the people behind it: completed responses for
 * `responses`, respondents with a score for `total` and `domain`, valid answers for `item` (summed on
 * the item's own scale).
 */
export type KeptFigure = {
  roundId: string
  groupId: string
  perspective: string
  kind: FigureKind
  key: string
  n: number
  sum: number
  sumOfSquares: number
  insufficient: number
  naCount: number
  dkCount: number
}

/** What rules 8 and 9 compare of a kept figure. */
/** The kinds of figure a comparison reads of each group (rules 8 and 9). */
export const comparedKinds = ['responses', 'total', 'item'] as const satisfies readonly FigureKind[]

export type ComparedFigure = Pick<
  KeptFigure,
  'perspective' | 'kind' | 'key' | 'n' | 'sum' | 'sumOfSquares'
>

export type RoundRules = {
  mode: 'individual' | 'consensus'
  anonymityThreshold: number
}

/** A figure that may be shown: n, mean and sd (0–100). Null when it may not (or there is none). */
export type Figure = Summary & { mean: number }

export type ItemFigure = {
  linkId: string
  domain: string
  /** On 0–100; null below k valid answers in the slice. */
  figure: Figure | null
  /**
   * Shares of the slice's responses; null when its response count may not be shown, or when 1 to
   * k − 1 people gave that answer.
   */
  naRate: number | null
  dkRate: number | null
}

/** What a slice of a group (one perspective, or all together) shows at a closed round. */
export type SliceFigures = {
  /** Completed responses; null below k. */
  responses: number | null
  total: Figure | null
  domains: Readonly<Record<string, Figure | null>>
  items: readonly ItemFigure[]
}

export type GroupResults = {
  all: SliceFigures
  perspectives: Readonly<Record<string, SliceFigures>>
}

/**
 * The least each of a round's thresholds may be (the database checks the same) and the usual one,
 * which a round is given unless it says otherwise.
 */
export const thresholdRules = {
  anonymityThreshold: { least: 3, usual: 5 },
  commentThreshold: { least: 5, usual: 10 },
} as const

/** The threshold k of rule 6 (docs/rules.md) for a round: consensus records are the group's own, so any one of them shows. */
export const thresholdOf = (round: RoundRules) =>
  round.mode === 'consensus' ? 1 : round.anonymityThreshold

/** Rounds with the threshold each one's figures are shown at, for the reads that apply it. */
export const withThresholds = (rounds: readonly (RoundRules & { id: string })[]) =>
  rounds.map((round) => ({ id: round.id, threshold: thresholdOf(round) }))

/**
 * Rule 6 where one shown population holds others (every perspective together, and each one): the
 * parts with at least k people show only while what the shown parts leave of the whole is 0 or at
 * least k; otherwise the smallest shown part is withheld too, until it is. So no difference of
 * shown figures ever isolates fewer than k people. The whole shows when it has k.
 */
export function disclosedParts(
  whole: number,
  parts: ReadonlyMap<string, number>,
  k: number,
): Set<string> {
  if (whole < k) return new Set()
  const shown = [...parts].filter(([, n]) => n >= k).sort((a, b) => a[1] - b[1])
  let rest = whole - shown.reduce((sum, [, n]) => sum + n, 0)
  while (rest > 0 && rest < k) {
    const smallest = shown.shift()
    if (!smallest) break
    rest += smallest[1]
  }
  return new Set(shown.map(([part]) => part))
}

/**
 * A group's kept figures at a round: every row, everyone together's by kind, then key, and their
 * total on its own (the overview reads every group's total at every round).
 */
export type KeptGroup = {
  rows: readonly KeptFigure[]
  whole: ReadonlyMap<FigureKind, ReadonlyMap<string, KeptFigure>>
  total: KeptFigure | undefined
}

export function keptGroup(rows: readonly KeptFigure[]): KeptGroup {
  const whole = new Map<FigureKind, Map<string, KeptFigure>>()
  for (const row of rows) {
    if (row.perspective !== allPerspectives) continue
    const byKey = whole.get(row.kind)
    if (byKey) byKey.set(row.key, row)
    else whole.set(row.kind, new Map([[row.key, row]]))
  }
  return { rows, whole, total: whole.get('total')?.get('') }
}
