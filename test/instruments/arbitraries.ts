import fc from 'fast-check'
import type { RoundItems } from '../../src/instruments/comparison'
import type { Instrument } from '../../src/instruments/definition'
import type { Answers, AnswerValue } from '../../src/instruments/scoring'
import type { Summary } from '../../src/instruments/statistics'

export const runs = { numRuns: 1000 }

/** Any set of answers to an instrument: a level, NA or DK where allowed, or unanswered. */
export function answersFor(instrument: Instrument): fc.Arbitrary<Answers> {
  const entries = instrument.items.map((item) => {
    const scale = instrument.scales.find((s) => s.id === item.scale)
    const options: AnswerValue[] = [
      ...(scale?.levels.map((l) => l.value) ?? []),
      ...(item.allowNA ? (['NA'] as const) : []),
      ...(item.allowDK ? (['DK'] as const) : []),
    ]
    return [item.linkId, fc.option(fc.constantFrom(...options), { nil: undefined })] as const
  })
  return fc.record(Object.fromEntries(entries)) as fc.Arbitrary<Answers>
}

export const summaryArbitrary: fc.Arbitrary<Summary> = fc
  .record({
    n: fc.integer({ min: 0, max: 60 }),
    mean: fc.double({ min: 0, max: 100, noNaN: true }),
    sd: fc.double({ min: 0, max: 60, noNaN: true }),
  })
  .map(({ n, mean, sd }) => ({ n, mean: n === 0 ? null : mean, sd: n < 2 ? null : sd }))

/** What one round holds for an instrument, in the given mode. */
export function roundItemsFor(
  instrument: Instrument,
  mode: RoundItems['mode'],
): fc.Arbitrary<RoundItems> {
  if (mode === 'consensus') {
    return answersFor(instrument).map((ratings) => ({
      mode,
      ratings: new Map(Object.entries(ratings)),
    }))
  }
  const entries = instrument.items.map((item) => [item.linkId, summaryArbitrary] as const)
  return fc.record(Object.fromEntries(entries)).map((summaries) => ({
    mode,
    summaries: new Map(Object.entries(summaries as Record<string, Summary>)),
  }))
}
