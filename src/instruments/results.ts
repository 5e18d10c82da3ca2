import type { RoundItems } from './comparison'
import type { Instrument } from './definition'
import { scaleOf, scaleRange } from './definition'
import { normalise } from './scoring'
import { type Summary, summaryFromSums } from './statistics'

/** Running sums as the aggregate tables keep them. */
export type Sums = { n: number; sum: number; sumOfSquares: number }
export type ScoreSums = Sums & { perspective: string; measure: string; insufficient: number }
export type ItemSums = Sums & {
  perspective: string
  linkId: string
  naCount: number
  dkCount: number
}
export type RoundRules = { mode: 'individual' | 'consensus'; anonymityThreshold: number }

/**
 * Rule 6: a group's figures from individual responses are shown only when at least k responded;
 * a consensus is the group's own statement, so k does not apply to it.
 */
export const shownFor = (round: RoundRules, responses: number) =>
  round.mode === 'consensus' ? responses > 0 : responses >= round.anonymityThreshold

export type GroupFigures = {
  /** Completed responses (every perspective). */
  responses: number
  shown: boolean
  /** 0–100; null when suppressed or not scorable. */
  total: Summary | null
  domains: Record<string, Summary>
}

/** A group's total and domain scores at a round, from its score sums, with rule 6 applied. */
export function groupFigures(
  round: RoundRules,
  rows: readonly ScoreSums[],
  perspective?: string,
): GroupFigures {
  const byMeasure = new Map<string, Sums & { insufficient: number }>()
  for (const row of rows) {
    if (perspective && row.perspective !== perspective) continue
    const sums = byMeasure.get(row.measure)
    if (sums) {
      sums.n += row.n
      sums.sum += row.sum
      sums.sumOfSquares += row.sumOfSquares
      sums.insufficient += row.insufficient
    } else {
      byMeasure.set(row.measure, {
        n: row.n,
        sum: row.sum,
        sumOfSquares: row.sumOfSquares,
        insufficient: row.insufficient,
      })
    }
  }
  const totalRow = byMeasure.get('total')
  const responses = totalRow ? totalRow.n + totalRow.insufficient : 0
  const shown = shownFor(round, responses)
  if (!shown) return { responses, shown, total: null, domains: {} }
  const domains: Record<string, Summary> = {}
  for (const [measure, sums] of byMeasure) {
    if (measure !== 'total') domains[measure] = summaryFromSums(sums.n, sums.sum, sums.sumOfSquares)
  }
  const total = totalRow ? summaryFromSums(totalRow.n, totalRow.sum, totalRow.sumOfSquares) : null
  return { responses, shown, total, domains }
}

export type ItemFigure = {
  linkId: string
  domain: string
  n: number
  /** 0–100; null when suppressed (n below k in individual mode) or unanswered. */
  mean: number | null
  sd: number | null
  naRate: number
  dkRate: number
}

/** Per item n, mean and sd on 0–100, NA and DK rates; a mean from fewer than k answers is hidden. */
export function itemFigures(
  instrument: Instrument,
  round: RoundRules,
  responses: number,
  rows: readonly ItemSums[],
): ItemFigure[] {
  const byItem = new Map<string, ItemSums>()
  for (const row of rows) {
    const sums = byItem.get(row.linkId)
    byItem.set(
      row.linkId,
      sums
        ? {
            ...sums,
            n: sums.n + row.n,
            sum: sums.sum + row.sum,
            sumOfSquares: sums.sumOfSquares + row.sumOfSquares,
            naCount: sums.naCount + row.naCount,
            dkCount: sums.dkCount + row.dkCount,
          }
        : row,
    )
  }
  const figures: ItemFigure[] = []
  for (const item of instrument.items) {
    const sums = byItem.get(item.linkId)
    if (!sums) continue
    const scale = scaleOf(instrument, item)
    const raw = summaryFromSums(sums.n, sums.sum, sums.sumOfSquares)
    const hide = !shownFor(round, sums.n)
    const { min, max } = scaleRange(scale)
    figures.push({
      linkId: item.linkId,
      domain: item.domain,
      n: sums.n,
      mean: hide || raw.mean === null ? null : normalise(raw.mean, scale),
      sd: hide || raw.sd === null ? null : (raw.sd * 100) / (max - min),
      naRate: responses > 0 ? sums.naCount / responses : 0,
      dkRate: responses > 0 ? sums.dkCount / responses : 0,
    })
  }
  return figures
}

/** What a round holds per item, for rule 8: agreed ratings, or summaries on 0–100. */
export function roundItems(
  instrument: Instrument,
  round: RoundRules,
  rows: readonly ItemSums[],
): RoundItems {
  if (round.mode === 'consensus') {
    return {
      mode: 'consensus',
      ratings: Object.fromEntries(rows.filter((r) => r.n === 1).map((r) => [r.linkId, r.sum])),
    }
  }
  const summaries: Record<string, Summary> = {}
  for (const f of itemFigures(instrument, round, Number.POSITIVE_INFINITY, rows))
    summaries[f.linkId] = { n: f.n, mean: f.mean, sd: f.sd }
  return { mode: 'individual', summaries }
}

/** The mean of the shown figures only: a roll-up never holds a suppressed group's data. */
export function meanOfShown(values: readonly (number | null | undefined)[]) {
  const shown = values.filter((v): v is number => typeof v === 'number')
  if (shown.length === 0) return null
  return shown.reduce((s, v) => s + v, 0) / shown.length
}
