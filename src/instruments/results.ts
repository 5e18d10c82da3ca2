import type { RoundItems } from './comparison'
import type { Instrument } from './definition'
import { scaleOf, scaleRange } from './definition'
import { normalise } from './scoring'
import { type Summary, summaryFromSums } from './statistics'

/** The perspective under which a group's figures of every perspective together are kept. */
export const allPerspectives = 'all'
/** The measure under which a respondent's total is kept beside their domain scores. */
export const totalMeasure = 'total'

export type FigureKind = 'responses' | 'total' | 'domain' | 'item'

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

export type RoundRules = {
  mode: 'individual' | 'consensus'
  anonymityThreshold: number
  commentThreshold?: number
}

/** A figure that may be shown: n, mean and sd (0–100). Null when it may not (or there is none). */
export type Figure = Summary & { mean: number }

export type ItemFigure = {
  linkId: string
  domain: string
  /** On 0–100; null below k valid answers in the slice. */
  figure: Figure | null
  /** The mean on the item's own scale: a consensus's agreed rating. */
  rating: number | null
  /** Shares of the slice's responses; null when its response count may not be shown. */
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

/** Rule 6's k for a round: consensus records are the group's own, so any one of them shows. */
export const thresholdOf = (round: RoundRules) =>
  round.mode === 'consensus' ? 1 : round.anonymityThreshold

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

const figureOf = (row: KeptFigure | undefined, shown: boolean): Figure | null => {
  if (!row || !shown || row.n === 0) return null
  const summary = summaryFromSums(row.n, row.sum, row.sumOfSquares)
  return summary.mean === null ? null : { ...summary, mean: summary.mean }
}

type Measure = { whole: KeptFigure | undefined; parts: Map<string, KeptFigure> }

/**
 * A group's figures at a closed round, every rule 6 test applied figure by figure: an item shows
 * with k valid answers, a domain with k people who have it scored, a total with k totals, a
 * response count with k responses; in each perspective as well as together, where each
 * perspective must also leave 0 or at least k people of the whole (disclosedParts).
 */
export function groupResults(
  round: RoundRules,
  rows: readonly KeptFigure[],
  { domainKeys = [], instrument }: { domainKeys?: readonly string[]; instrument?: Instrument } = {},
): GroupResults {
  const k = thresholdOf(round)
  const measures = new Map<string, Measure>()
  const perspectives = new Set<string>()
  for (const row of rows) {
    const id = `${row.kind}|${row.key}`
    const measure = measures.get(id) ?? { whole: undefined, parts: new Map() }
    measures.set(id, measure)
    if (row.perspective === allPerspectives) measure.whole = row
    else {
      measure.parts.set(row.perspective, row)
      perspectives.add(row.perspective)
    }
  }
  const shownOf = new Map<string, Set<string>>()
  for (const [id, { whole, parts }] of measures) {
    const counts = new Map([...parts].map(([p, row]) => [p, row.n]))
    shownOf.set(id, disclosedParts(whole?.n ?? 0, counts, k))
  }
  const slice = (perspective: string): SliceFigures => {
    const pick = (kind: FigureKind, key: string) => {
      const measure = measures.get(`${kind}|${key}`)
      if (!measure) return { row: undefined, shown: false }
      if (perspective === allPerspectives)
        return { row: measure.whole, shown: (measure.whole?.n ?? 0) >= k }
      return {
        row: measure.parts.get(perspective),
        shown: shownOf.get(`${kind}|${key}`)?.has(perspective) ?? false,
      }
    }
    const responses = pick('responses', '')
    const responseCount = responses.shown && responses.row ? responses.row.n : null
    const total = pick('total', '')
    return {
      responses: responseCount,
      total: figureOf(total.row, total.shown),
      domains: Object.fromEntries(
        (instrument?.domains.map((d) => d.key) ?? domainKeys).map((key) => {
          const { row, shown } = pick('domain', key)
          return [key, figureOf(row, shown)]
        }),
      ),
      items: (instrument?.items ?? []).flatMap((item) => {
        const { row, shown } = pick('item', item.linkId)
        if (!row) return []
        const scale = scaleOf(instrument as Instrument, item)
        const { min, max } = scaleRange(scale)
        const raw = figureOf(row, shown)
        const rate = (count: number) => (responseCount ? count / responseCount : null)
        return [
          {
            linkId: item.linkId,
            domain: item.domain,
            figure: raw && {
              n: raw.n,
              mean: normalise(raw.mean, scale),
              sd: raw.sd === null ? null : (raw.sd * 100) / (max - min),
            },
            rating: raw?.mean ?? null,
            naRate: rate(row.naCount),
            dkRate: rate(row.dkCount),
          },
        ]
      }),
    }
  }
  return {
    all: slice(allPerspectives),
    perspectives: Object.fromEntries([...perspectives].sort().map((p) => [p, slice(p)])),
  }
}

/** What a round holds per item, for rule 8: agreed ratings, or summaries on 0–100 of those shown. */
export function roundItems(round: RoundRules, figures: SliceFigures): RoundItems {
  if (round.mode === 'consensus') {
    return {
      mode: 'consensus',
      ratings: Object.fromEntries(
        figures.items.flatMap((i) =>
          i.figure?.n === 1 && i.rating !== null ? [[i.linkId, i.rating]] : [],
        ),
      ),
    }
  }
  return {
    mode: 'individual',
    summaries: Object.fromEntries(
      figures.items.flatMap((i) => (i.figure ? [[i.linkId, i.figure]] : [])),
    ),
  }
}

/** The mean of the shown figures only: a roll-up never holds a suppressed group's data. */
export function meanOfShown(values: readonly (number | null | undefined)[]) {
  const shown = values.filter((v): v is number => typeof v === 'number')
  if (shown.length === 0) return null
  return shown.reduce((s, v) => s + v, 0) / shown.length
}
