import type { RoundItems } from './comparison'
import type { Instrument } from './definition'
import { scaleOf, scaleRange } from './definition'
import {
  allPerspectives,
  type ComparedFigure,
  disclosedParts,
  type Figure,
  type FigureKind,
  type GroupResults,
  type ItemFigure,
  type KeptFigure,
  type KeptGroup,
  type RoundRules,
  type SliceFigures,
  thresholdOf,
} from './results'
import { normalise } from './scoring'
import { summaryFromSums } from './statistics'

function figureOf(row: ComparedFigure | undefined, shown: boolean): Figure | null {
  if (!row || !shown || row.n === 0) return null
  const summary = summaryFromSums(row.n, row.sum, row.sumOfSquares)
  return summary.mean === null ? null : { n: summary.n, mean: summary.mean, sd: summary.sd }
}

const wholeRow = (group: KeptGroup | undefined, kind: FigureKind, key: string) =>
  kind === 'total' ? group?.total : group?.whole.get(kind)?.get(key)

/**
 * A figure of everyone together (the whole group), shown with k people behind it: what the
 * overview, heatmap and strategy pages show, without the rest of the group.
 */
export function wholeFigure(
  round: RoundRules,
  group: KeptGroup | undefined,
  kind: FigureKind,
  key = '',
): Figure | null {
  const row = wholeRow(group, kind, key)
  return row ? figureOf(row, row.n >= thresholdOf(round)) : null
}

/**
 * The mean of wholeFigure's figure, or null where it shows none: what a mean of many groups adds
 * up, without making a figure of each.
 */
export function wholeMean(
  round: RoundRules,
  group: KeptGroup | undefined,
  kind: FigureKind,
  key = '',
): number | null {
  const row = wholeRow(group, kind, key)
  return row && row.n > 0 && row.n >= thresholdOf(round) ? row.sum / row.n : null
}

/** Figures of one kind (domains, questions) of everyone together, for these keys. */
export function wholeFigures(
  round: RoundRules,
  group: KeptGroup | undefined,
  kind: FigureKind,
  keys: readonly string[],
): (Figure | null)[] {
  return keys.map((key) => wholeFigure(round, group, kind, key))
}

type Measure = { whole: KeptFigure | undefined; parts: Map<string, KeptFigure> }
type CountOf = (row: KeptFigure) => number
const peopleBehind: CountOf = (row) => row.n
const saidNA: CountOf = (row) => row.naCount
const saidDK: CountOf = (row) => row.dkCount

/**
 * Whether a count in a slice may show: a count of people behind a figure (n), or of people who
 * gave one answer (NA, DK). Together: at least k. One perspective: at least k, and what the shown
 * perspectives leave of the whole 0 or at least k (disclosedParts).
 */
function mayShow(
  measure: Measure | undefined,
  perspective: string,
  k: number,
  countOf: CountOf = peopleBehind,
): boolean {
  if (!measure) return false
  const whole = measure.whole ? countOf(measure.whole) : 0
  if (perspective === allPerspectives) return whole >= k
  if (whole < k) return false
  const counts = new Map<string, number>()
  for (const [p, row] of measure.parts) if (countOf(row) > 0) counts.set(p, countOf(row))
  return disclosedParts(whole, counts, k).has(perspective)
}

const rowOf = (measure: Measure | undefined, perspective: string) =>
  perspective === allPerspectives ? measure?.whole : measure?.parts.get(perspective)

/** A share of a slice's responses who gave an answer: shown for none, or a count that may show. */
function rateOf(
  measure: Measure | undefined,
  row: KeptFigure,
  perspective: string,
  k: number,
  responses: number | null,
  countOf: CountOf,
): number | null {
  if (responses === null) return null
  const count = countOf(row)
  return count === 0 || mayShow(measure, perspective, k, countOf) ? count / responses : null
}

function sliceOf(
  measures: ReadonlyMap<string, Measure>,
  perspective: string,
  k: number,
  domainKeys: readonly string[],
  instrument: Instrument | undefined,
): SliceFigures {
  const figure = (kind: FigureKind, key: string) => {
    const measure = measures.get(`${kind}|${key}`)
    return figureOf(rowOf(measure, perspective), mayShow(measure, perspective, k))
  }
  const responsesMeasure = measures.get('responses|')
  const responsesRow = rowOf(responsesMeasure, perspective)
  const responses =
    responsesRow && mayShow(responsesMeasure, perspective, k) ? responsesRow.n : null
  const domains: Record<string, Figure | null> = {}
  for (const key of domainKeys) domains[key] = figure('domain', key)
  const items: ItemFigure[] = []
  for (const item of instrument?.items ?? []) {
    const measure = measures.get(`item|${item.linkId}`)
    const row = rowOf(measure, perspective)
    if (!row) continue
    const scale = scaleOf(instrument as Instrument, item)
    const { min, max } = scaleRange(scale)
    const raw = figureOf(row, mayShow(measure, perspective, k))
    items.push({
      linkId: item.linkId,
      domain: item.domain,
      figure: raw && {
        n: raw.n,
        mean: normalise(raw.mean, scale),
        sd: raw.sd === null ? null : (raw.sd * 100) / (max - min),
      },
      naRate: rateOf(measure, row, perspective, k, responses, saidNA),
      dkRate: rateOf(measure, row, perspective, k, responses, saidDK),
    })
  }
  return { responses, total: figure('total', ''), domains, items }
}

/**
 * A group's figures at a closed round, every rule 6 test applied figure by figure: an item shows
 * with k valid answers, a domain with k people who have it scored, a total with k totals, a
 * response count with k responses; in each perspective as well as together, where each
 * perspective must also leave 0 or at least k people of the whole (disclosedParts). A share of
 * people who answered not applicable or don't know shows when none did, or when that count passes
 * the same test.
 */
export function groupResults(
  round: RoundRules,
  rows: readonly KeptFigure[],
  { domainKeys, instrument }: { domainKeys?: readonly string[]; instrument?: Instrument } = {},
): GroupResults {
  const k = thresholdOf(round)
  const measures = new Map<string, Measure>()
  const perspectives = new Set<string>()
  for (const row of rows) {
    const id = `${row.kind}|${row.key}`
    let measure = measures.get(id)
    if (!measure) {
      measure = { whole: undefined, parts: new Map() }
      measures.set(id, measure)
    }
    if (row.perspective === allPerspectives) measure.whole = row
    else {
      measure.parts.set(row.perspective, row)
      perspectives.add(row.perspective)
    }
  }
  const keys = instrument?.domains.map((d) => d.key) ?? domainKeys ?? []
  const byPerspective: Record<string, SliceFigures> = {}
  for (const p of [...perspectives].sort())
    byPerspective[p] = sliceOf(measures, p, k, keys, instrument)
  return {
    all: sliceOf(measures, allPerspectives, k, keys, instrument),
    perspectives: byPerspective,
  }
}

/** Each question's scale range, by linkId: worked out once for a comparison of many groups. */
export const itemRanges = (instrument: Instrument) =>
  new Map(instrument.items.map((item) => [item.linkId, scaleRange(scaleOf(instrument, item))]))

/**
 * Everyone together at a closed round, as rules 8 and 9 compare it: the response count, the total
 * and what the round holds per question (agreed ratings, or summaries on 0–100), each figure shown
 * only with k people behind it: the same test as groupResults' whole slice, in one pass.
 */
export function wholeForComparison(
  round: RoundRules,
  rows: readonly ComparedFigure[],
  ranges: ReadonlyMap<string, { min: number; max: number }>,
): { responses: number | null; total: Figure | null; items: RoundItems } {
  const k = thresholdOf(round)
  let responses: number | null = null
  let total: Figure | null = null
  const ratings = new Map<string, number>()
  const summaries = new Map<string, Figure>()
  for (const row of rows) {
    if (row.perspective !== allPerspectives) continue
    const shown = row.n >= k
    if (row.kind === 'responses') responses = shown ? row.n : null
    else if (row.kind === 'total') total = figureOf(row, shown)
    else if (row.kind === 'item') {
      const figure = figureOf(row, shown)
      const range = ranges.get(row.key)
      if (!figure || !range) continue
      if (round.mode === 'consensus') {
        if (figure.n === 1) ratings.set(row.key, figure.mean)
      } else {
        const width = range.max - range.min
        summaries.set(row.key, {
          n: figure.n,
          mean: ((figure.mean - range.min) / width) * 100,
          sd: figure.sd === null ? null : (figure.sd * 100) / width,
        })
      }
    }
  }
  const items: RoundItems =
    round.mode === 'consensus' ? { mode: 'consensus', ratings } : { mode: 'individual', summaries }
  return { responses, total, items }
}
