import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Perspective } from '../../src/instruments/definition'
import { groupResults, itemRanges, wholeForComparison } from '../../src/instruments/group-results'
import {
  allPerspectives,
  disclosedParts,
  type KeptFigure,
  type SliceFigures,
} from '../../src/instruments/results'
import { type Answers, itemValue, normalise, scoreRespondent } from '../../src/instruments/scoring'
import { teamInstrument } from '../helpers/factories'
import { answersFor } from './arbitraries'

const instrument = teamInstrument()
const scale = instrument.scales[0] as (typeof instrument.scales)[number]
const perspectives: Perspective[] = ['staff', 'person-using-service']

/** A response with only a few questions answered: the near-empty kind that pads a count. */
const sparseAnswers: fc.Arbitrary<Answers> = fc
  .subarray(
    instrument.items.map((i) => i.linkId),
    { maxLength: 3 },
  )
  .chain((ids) =>
    fc.record(Object.fromEntries(ids.map((id) => [id, fc.constantFrom(1, 3, 5, 'DK', 'NA')]))),
  ) as fc.Arbitrary<Answers>

const given = fc.array(
  fc.record({
    perspective: fc.constantFrom(...perspectives),
    answers: fc.oneof(answersFor(instrument), sparseAnswers),
  }),
  { maxLength: 16 },
)

type Given = { perspective: Perspective; answers: Answers }

/** The truth, worked out afresh from each person's answers: who is behind each figure. */
function truth(responses: readonly Given[], perspective: string) {
  const mine = responses.filter(
    (r) => perspective === allPerspectives || r.perspective === perspective,
  )
  const scored = mine.map((r) => scoreRespondent(instrument, r.answers, r.perspective))
  const values = (pick: (i: number) => number | null) =>
    mine.map((_, i) => pick(i)).filter((v): v is number => v !== null)
  return {
    responses: mine.length,
    total: values((i) => scored[i]?.total ?? null),
    domain: (key: string) =>
      values((i) => scored[i]?.domains.find((d) => d.domain === key)?.score ?? null),
    answered: (linkId: string, answer: 'NA' | 'DK') =>
      mine.filter((r) => r.answers[linkId] === answer).length,
    item: (linkId: string) =>
      values((i) => {
        const v = itemValue(mine[i]?.answers[linkId])
        return v === null ? null : normalise(v, scale)
      }),
  }
}

/** The rows a round's close keeps, written here from the answers by plain sums. */
function keptRows(responses: readonly Given[]): KeptFigure[] {
  const rows: KeptFigure[] = []
  const sums = (values: readonly number[]) => ({
    n: values.length,
    sum: values.reduce((s, v) => s + v, 0),
    sumOfSquares: values.reduce((s, v) => s + v * v, 0),
  })
  const base = { roundId: 'r', groupId: 'g', naCount: 0, dkCount: 0, insufficient: 0 }
  for (const perspective of [allPerspectives, ...perspectives]) {
    const mine = responses.filter(
      (r) => perspective === allPerspectives || r.perspective === perspective,
    )
    if (perspective !== allPerspectives && mine.length === 0) continue
    const t = truth(responses, perspective)
    rows.push({ ...base, perspective, kind: 'responses', key: '', ...sums([]), n: t.responses })
    if (mine.length === 0) continue
    rows.push({ ...base, perspective, kind: 'total', key: '', ...sums(t.total) })
    for (const d of instrument.domains)
      rows.push({ ...base, perspective, kind: 'domain', key: d.key, ...sums(t.domain(d.key)) })
    for (const item of instrument.items) {
      const raw = mine
        .map((r) => itemValue(r.answers[item.linkId]))
        .filter((v): v is number => v !== null)
      rows.push({
        ...base,
        perspective,
        kind: 'item',
        key: item.linkId,
        ...sums(raw),
        naCount: mine.filter((r) => r.answers[item.linkId] === 'NA').length,
        dkCount: mine.filter((r) => r.answers[item.linkId] === 'DK').length,
      })
    }
  }
  return rows
}

/** Every figure a slice shows, by measure, with the count of people really behind it. */
function shownFigures(slice: SliceFigures, t: ReturnType<typeof truth>) {
  const shown: { measure: string; n: number; mean: number | null; truth: number[] | null }[] = []
  if (slice.responses !== null)
    shown.push({ measure: 'responses', n: t.responses, mean: null, truth: null })
  if (slice.total) shown.push({ measure: 'total', ...slice.total, truth: t.total })
  for (const [key, figure] of Object.entries(slice.domains))
    if (figure) shown.push({ measure: key, ...figure, truth: t.domain(key) })
  for (const item of slice.items) {
    if (item.figure)
      shown.push({ measure: item.linkId, ...item.figure, truth: t.item(item.linkId) })
    for (const [answer, rate] of [
      ['NA', item.naRate],
      ['DK', item.dkRate],
    ] as const) {
      if (rate === null) continue
      const people = t.answered(item.linkId, answer)
      expect(rate * t.responses).toBeCloseTo(people, 9)
      // A share of answers shows when nobody, or at least k people, gave that answer.
      if (people > 0)
        shown.push({ measure: `${item.linkId} ${answer}`, n: people, mean: null, truth: null })
    }
  }
  return shown
}

describe('rule 6, figure by figure', () => {
  it('shows no figure with fewer than k people behind it, and no difference of two that isolates fewer than k', () => {
    fc.assert(
      fc.property(given, fc.integer({ min: 3, max: 7 }), (responses, k) => {
        const round = { mode: 'individual' as const, anonymityThreshold: k }
        const results = groupResults(round, keptRows(responses), { instrument })
        const whole = new Map(
          shownFigures(results.all, truth(responses, allPerspectives)).map((f) => [f.measure, f]),
        )
        const partsShown = new Map<string, number>()
        for (const [perspective, slice] of [
          [allPerspectives, results.all] as const,
          ...Object.entries(results.perspectives),
        ]) {
          const t = truth(responses, perspective)
          for (const figure of shownFigures(slice, t)) {
            expect(figure.n, `${perspective} ${figure.measure}`).toBeGreaterThanOrEqual(k)
            if (figure.truth) {
              expect(figure.n).toBe(figure.truth.length)
              const mean = figure.truth.reduce((s, v) => s + v, 0) / figure.truth.length
              expect(figure.mean).toBeCloseTo(mean, 9)
            }
            if (perspective === allPerspectives) continue
            partsShown.set(figure.measure, (partsShown.get(figure.measure) ?? 0) + figure.n)
            // Whole minus this part: the people of every other perspective.
            const of = whole.get(figure.measure)
            expect(
              of,
              `${figure.measure} shown for ${perspective} but not for everyone`,
            ).toBeDefined()
            const rest = (of?.n ?? 0) - figure.n
            expect(rest === 0 || rest >= k, `${perspective} ${figure.measure}: ${rest} left`).toBe(
              true,
            )
          }
        }
        // Whole minus every shown part: what no shown figure accounts for.
        for (const [measure, sum] of partsShown) {
          const rest = (whole.get(measure)?.n ?? 0) - sum
          expect(rest === 0 || rest >= k, `${measure}: ${rest} left by all parts`).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('gives comparisons the very figures of the whole group that the pages show', () => {
    fc.assert(
      fc.property(given, fc.integer({ min: 3, max: 7 }), (responses, k) => {
        const round = { mode: 'individual' as const, anonymityThreshold: k }
        const rows = keptRows(responses)
        const { all } = groupResults(round, rows, { instrument })
        const compared = wholeForComparison(round, rows, itemRanges(instrument))
        expect(compared.responses).toBe(all.responses)
        expect(compared.total).toEqual(all.total)
        const summaries =
          compared.items.mode === 'individual' ? compared.items.summaries : new Map()
        for (const item of all.items) {
          const summary = summaries.get(item.linkId)
          if (!item.figure) expect(summary).toBeUndefined()
          else {
            expect(summary?.n).toBe(item.figure.n)
            expect(summary?.mean).toBeCloseTo(item.figure.mean, 9)
            const { sd } = item.figure
            expect(summary?.sd).toEqual(sd === null ? null : expect.closeTo(sd, 9))
          }
        }
      }),
      { numRuns: 200 },
    )
  })

  it('withholds the smaller part until what is left is 0 or at least k', () => {
    const parts = (entries: [string, number][]) => new Map(entries)
    expect(
      disclosedParts(
        6,
        parts([
          ['staff', 5],
          ['person-using-service', 1],
        ]),
        5,
      ),
    ).toEqual(new Set())
    expect(
      disclosedParts(
        10,
        parts([
          ['staff', 5],
          ['person-using-service', 5],
        ]),
        5,
      ),
    ).toEqual(new Set(['staff', 'person-using-service']))
    expect(
      disclosedParts(
        16,
        parts([
          ['staff', 10],
          ['person-using-service', 5],
          ['carer', 1],
        ]),
        5,
      ),
    ).toEqual(new Set(['staff']))
    expect(disclosedParts(7, parts([['staff', 7]]), 5)).toEqual(new Set(['staff']))
    expect(disclosedParts(4, parts([['staff', 4]]), 5)).toEqual(new Set())
  })

  it('shows no score from four near-empty responses and one full one, though the count of 5 shows', () => {
    const full = {
      perspective: 'staff' as const,
      answers: { ...Object.fromEntries(instrument.items.map((i) => [i.linkId, 4])) },
    }
    const nearEmpty = { perspective: 'staff' as const, answers: { T01: 'DK' } as Answers }
    const round = { mode: 'individual' as const, anonymityThreshold: 5 }
    const { all } = groupResults(
      round,
      keptRows([full, nearEmpty, nearEmpty, nearEmpty, nearEmpty]),
      {
        instrument,
      },
    )
    expect(all.responses).toBe(5)
    expect(all.total).toBeNull()
    expect(Object.values(all.domains).every((d) => d === null)).toBe(true)
    expect(all.items.every((i) => i.figure === null)).toBe(true)
    // Four of five said don't know: a count of four people, so that share is withheld too.
    const t01 = all.items.find((i) => i.linkId === 'T01')
    expect(t01?.dkRate).toBeNull()
    expect(t01?.naRate).toBe(0)
  })
})
