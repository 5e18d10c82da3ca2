import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type Contribution,
  endedPeriods,
  freezePeriod,
  kOrgMinimum,
  networkDistribution,
  periodOf,
  periodRange,
  periodWords,
  quantile,
  standingWords,
} from '../../src/instruments/network'
import { runs } from './arbitraries'

const nine = [90, 10, 50, 30, 70, 20, 80, 40, 60].map((value, i) => ({
  organisationId: `org-${i}`,
  value,
}))

const contributionsArbitrary = fc.uniqueArray(
  fc.record({
    organisationId: fc.uuid(),
    value: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
  { selector: (c) => c.organisationId, maxLength: 30 },
)

describe('a network’s distribution of one measure', () => {
  it('gives the median, quartiles (as spreadsheets’ QUARTILE.INC) and range of 9 trusts, and a standing in words', () => {
    const shown = networkDistribution(nine)
    expect(shown).toEqual({
      shown: true,
      organisations: 9,
      min: 10,
      lowerQuartile: 30,
      median: 50,
      upperQuartile: 70,
      max: 90,
    })
    if (!shown.shown) throw new Error('not shown')
    expect(standingWords(85, shown)).toBe('in the top quarter of 9 organisations')
    expect(standingWords(50, shown)).toBe('in the middle half of 9 organisations')
    expect(standingWords(10, shown)).toBe('in the bottom quarter of 9 organisations')
    // Between two values, a quartile is interpolated: four values 0, 10, 20, 30 have Q1 7.5.
    expect(quantile([0, 10, 20, 30], 0.25)).toBe(7.5)
  })

  it('shows only the count below k_org organisations, and never takes k_org below 3', () => {
    expect(networkDistribution(nine.slice(0, 4))).toEqual({ shown: false, organisations: 4 })
    expect(networkDistribution(nine.slice(0, 5)).shown).toBe(true)
    expect(networkDistribution(nine.slice(0, 2), 1)).toEqual({ shown: false, organisations: 2 })
    expect(networkDistribution(nine.slice(0, 3), 1).shown).toBe(true)
  })

  it('counts an organisation once, whatever it sends twice', () => {
    const twice = [...nine.slice(0, 4), { organisationId: 'org-0', value: 5 }]
    expect(networkDistribution(twice)).toEqual({ shown: false, organisations: 4 })
  })

  it('keeps every figure inside the range of the values, in order (property)', () => {
    fc.assert(
      fc.property(contributionsArbitrary, fc.integer({ min: 0, max: 10 }), (given, kOrg) => {
        const d = networkDistribution(given, kOrg)
        expect(d.organisations).toBe(given.length)
        if (!d.shown) {
          expect(given.length).toBeLessThan(Math.max(kOrg, kOrgMinimum))
          expect(Object.keys(d).sort()).toEqual(['organisations', 'shown'])
          return
        }
        expect(d.min).toBeLessThanOrEqual(d.lowerQuartile)
        expect(d.lowerQuartile).toBeLessThanOrEqual(d.median)
        expect(d.median).toBeLessThanOrEqual(d.upperQuartile)
        expect(d.upperQuartile).toBeLessThanOrEqual(d.max)
        expect(d.min).toBe(Math.min(...given.map((c) => c.value)))
        expect(d.max).toBe(Math.max(...given.map((c) => c.value)))
      }),
      runs,
    )
  })
})

describe('freezing a benchmark period', () => {
  it('depends only on the members at the freeze: what anyone else sends changes nothing (property)', () => {
    fc.assert(
      fc.property(
        contributionsArbitrary,
        contributionsArbitrary,
        fc.double({ min: 0, max: 100, noNaN: true }),
        (members, outsiders, changed) => {
          const ids = new Set(members.map((c) => c.organisationId))
          const others = outsiders.filter((c) => !ids.has(c.organisationId))
          const frozen = freezePeriod('2026-H1', ids, { total: [...members, ...others] })
          // An outsider (one that joined after, or left before) sends any other figure.
          const moved: Contribution[] = others.map((c) => ({ ...c, value: changed }))
          const again = freezePeriod('2026-H1', ids, { total: [...members, ...moved] })
          expect(again).toEqual(frozen)
          expect(frozen).toEqual(freezePeriod('2026-H1', ids, { total: members }))
        },
      ),
      runs,
    )
  })

  it('names periods of a quarter, a half-year and a year by their dates, ends included, in words', () => {
    const days = [
      '2026-01-01',
      '2026-03-31',
      '2026-04-01',
      '2026-06-30',
      '2026-07-01',
      '2026-12-31',
    ]
    expect(days.map((d) => periodOf(d, 3))).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ])
    expect(days.map((d) => periodOf(d))).toEqual([
      '2026-H1',
      '2026-H1',
      '2026-H1',
      '2026-H1',
      '2026-H2',
      '2026-H2',
    ])
    expect(days.map((d) => periodOf(d, 12))).toEqual(Array(6).fill('2026'))
    expect(periodRange('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' })
    expect(periodRange('2024-H1')).toEqual({ from: '2024-01-01', to: '2024-06-30' })
    expect(periodRange('2023-Q1').to).toBe('2023-03-31')
    expect(periodRange('2024-Q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' })
    expect(periodRange('2025')).toEqual({ from: '2025-01-01', to: '2025-12-31' })
    expect(['2026-H1', '2026-Q3', '2026'].map(periodWords)).toEqual([
      'January to June 2026',
      'July to September 2026',
      'the year 2026',
    ])
  })

  it('offers only periods that have ended, newest first, across the turn of a year', () => {
    expect(endedPeriods('2026-12-04', 6, 3)).toEqual(['2026-H1', '2025-H2', '2025-H1'])
    expect(endedPeriods('2026-07-01', 6, 1)).toEqual(['2026-H1'])
    expect(endedPeriods('2026-02-10', 3, 2)).toEqual(['2025-Q4', '2025-Q3'])
    expect(endedPeriods('2026-12-31', 12, 2)).toEqual(['2025', '2024'])
  })

  it('gives every day of a period that period, and no other (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom(3, 6, 12),
        (date, months) => {
          const day = date.toISOString().slice(0, 10)
          const { from, to } = periodRange(periodOf(day, months as 3 | 6 | 12))
          expect(from <= day && day <= to).toBe(true)
        },
      ),
      runs,
    )
  })
})
