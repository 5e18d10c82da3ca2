import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gapTrend, perceptionGaps, perspectiveGaps } from '../../src/instruments/gaps'
import { runChart, type Signal, targetMet } from '../../src/instruments/run-chart'
import { acrossTeams, describeSignals } from '../../src/instruments/strategy'
import { runs } from './arbitraries'

const signalsAt = (values: number[]) => runChart(values).points.map((p) => p.signals.sort())
const indexesWith = (values: number[], signal: Signal) =>
  runChart(values).points.flatMap((p, i) => (p.signals.includes(signal) ? [i] : []))

describe('rule 10: perception gaps', () => {
  it('gives the executive score minus the teams’ mean, with the teams’ spread', () => {
    const [gap] = perceptionGaps(['D01'], { D01: 80 }, [{ D01: 60 }, { D01: 40 }, { D01: null }])
    expect(gap).toEqual({
      domain: 'D01',
      executive: 80,
      teamMean: 50,
      gap: 30,
      teamMin: 40,
      teamMax: 60,
      teams: 2,
    })
  })

  it('gives no gap where either side has no score', () => {
    const [gap] = perceptionGaps(['D01'], { D01: null }, [{ D01: 60 }])
    expect(gap?.gap).toBeNull()
  })

  it('compares staff with people using the service, and follows the gap over rounds', () => {
    expect(perspectiveGaps(['D05'], { D05: 70 }, { D05: 45 })).toEqual([
      { domain: 'D05', a: 70, b: 45, gap: 25 },
    ])
    const trend = gapTrend(
      ['D01'],
      [
        { round: 'Spring 2025', executive: { D01: 80 }, teams: [{ D01: 50 }] },
        { round: 'Autumn 2025', executive: { D01: 70 }, teams: [{ D01: 60 }] },
      ],
    )
    expect(trend).toEqual([
      {
        domain: 'D01',
        points: [
          { round: 'Spring 2025', gap: 30 },
          { round: 'Autumn 2025', gap: 10 },
        ],
      },
    ])
  })

  it('keeps every gap within ±100 and the mean within the spread', () => {
    const score = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null })
    fc.assert(
      fc.property(score, fc.array(score, { maxLength: 20 }), (exec, teams) => {
        const [gap] = perceptionGaps(
          ['D01'],
          { D01: exec },
          teams.map((t) => ({ D01: t })),
        )
        if (gap?.gap != null) {
          expect(Math.abs(gap.gap)).toBeLessThanOrEqual(100)
          expect(gap.teamMean as number).toBeGreaterThanOrEqual((gap.teamMin as number) - 1e-9)
          expect(gap.teamMean as number).toBeLessThanOrEqual((gap.teamMax as number) + 1e-9)
        }
      }),
      runs,
    )
  })
})

describe('rule 11: run charts', () => {
  // alternating about 11, ending below it
  const baseline = [12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10]

  it('finds a shift of six points above the median', () => {
    const values = [...baseline, 13, 13, 13, 13, 13, 13]
    const chart = runChart(values)
    expect(chart.median).toBe(11)
    expect(indexesWith(values, 'shift-up')).toEqual([12, 13, 14, 15, 16, 17])
    expect(chart.points.slice(12).every((p) => p.signals.join() === 'shift-up')).toBe(true)
    expect(indexesWith(values.slice(0, 17), 'shift-up')).toEqual([])
  })

  it('finds a trend of five points each higher than the last', () => {
    const values = [...baseline.slice(0, 10), 8, 9, 10.5, 11.5, 12.5]
    expect(indexesWith(values, 'trend-up')).toEqual([10, 11, 12, 13, 14])
    expect(indexesWith(values.slice(0, 14), 'trend-up')).toEqual([])
  })

  it('finds a point beyond the XmR limits', () => {
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 30]
    const chart = runChart(values)
    // mean 114/9, mean moving range (7 × 1 + 19) / 8
    expect(chart.mean).toBeCloseTo(114 / 9, 10)
    expect(chart.upperLimit).toBeCloseTo(114 / 9 + 2.66 * (26 / 8), 10)
    expect(indexesWith(values, 'above-limit')).toEqual([8])
    expect(signalsAt(values).flat()).toEqual(['above-limit'])
  })

  it('finds no signal in a series that only varies', () => {
    expect(signalsAt(baseline).flat()).toEqual([])
    expect(runChart(baseline).median).toBe(11)
  })

  it('calls a steady rise a rise: no shift downwards among the points the median is made from', () => {
    const rising = Array.from({ length: 24 }, (_, i) => i + 1)
    // The median of 1 to 12 is 6.5: points 1 to 6 lie below it only because it halves them.
    expect(runChart(rising).median).toBe(6.5)
    expect(indexesWith(rising, 'shift-down')).toEqual([])
    expect(indexesWith(rising, 'shift-up')).toEqual(Array.from({ length: 18 }, (_, i) => i + 6))
    expect(indexesWith(rising, 'trend-up')).toHaveLength(24)
    const words = describeSignals(
      runChart(rising),
      rising.map((_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`),
    )
    // Limits from the first 12: mean 6.5 ± 2.66 × a mean moving range of 1, so 3.84 to 9.16.
    expect(words).toEqual([
      'a shift upwards since Jul 2025',
      'a rising trend since Jan 2025',
      'points above the upper limit in Oct 2025 to Dec 2026',
      'points below the lower limit in Jan 2025 to Mar 2025',
    ])
    expect(words.join()).not.toContain('downwards')
    // Twelve points alone are all baseline: half are below their own median, and that is no shift.
    expect(
      signalsAt(rising.slice(0, 12))
        .flat()
        .filter((s) => s.startsWith('shift')),
    ).toEqual([])
  })

  it('ignores points on the median: they neither count towards nor break a shift', () => {
    const values = [...baseline, 13, 13, 13, 11, 13, 13, 13]
    expect(indexesWith(values, 'shift-up')).toEqual([12, 13, 14, 16, 17, 18])
  })

  it('adds up counts across teams, and averages percentages instead of adding them', () => {
    expect(acrossTeams('people', 50, 3)).toEqual({ words: 'Organisation total', value: 50 })
    // Twelve teams at 55, 60, … : 743 % in all, which is no percentage of anything.
    expect(acrossTeams('%', 743, 12)).toEqual({
      words: 'Average of the 12 teams with a value',
      value: 743 / 12,
    })
    expect(acrossTeams('percent of staff', 0, 0).value).toBeNull()
  })

  it('says whether a target is met', () => {
    expect(targetMet(2, { comparator: '>=', value: 2 })).toBe(true)
    expect(targetMet(1, { comparator: '>=', value: 2 })).toBe(false)
    expect(targetMet(5, { comparator: '<=', value: 4 })).toBe(false)
    expect(targetMet(4, { comparator: '<', value: 5 })).toBe(true)
  })

  const series = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 40 })
  const mirror: Record<Signal, Signal> = {
    'shift-up': 'shift-down',
    'shift-down': 'shift-up',
    'trend-up': 'trend-down',
    'trend-down': 'trend-up',
    'above-limit': 'below-limit',
    'below-limit': 'above-limit',
  }

  it('mirrors every signal when the series is turned upside down', () => {
    fc.assert(
      fc.property(series, (values) => {
        const flipped = signalsAt(values.map((v) => -v))
        expect(flipped).toEqual(signalsAt(values).map((s) => s.map((x) => mirror[x]).sort()))
      }),
      runs,
    )
  })

  it('gives the same signals when a constant is added', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: -1000, max: 1000 }), (values, c) => {
        expect(signalsAt(values.map((v) => v + c))).toEqual(signalsAt(values))
      }),
      runs,
    )
  })

  it('finds no signal in a flat series', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 60 }), (value, length) => {
        expect(signalsAt(Array(length).fill(value)).flat()).toEqual([])
      }),
      runs,
    )
  })
})
