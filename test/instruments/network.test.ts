import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type Contribution,
  freezePeriod,
  halfYearOf,
  kOrgMinimum,
  networkDistribution,
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

  it('names half-years by their dates, June and July on either side', () => {
    expect(['2026-01-01', '2026-06-30', '2026-07-01', '2026-12-31'].map(halfYearOf)).toEqual([
      '2026-H1',
      '2026-H1',
      '2026-H2',
      '2026-H2',
    ])
  })
})
