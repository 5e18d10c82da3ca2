import tQuantile from '@stdlib/stats-base-dists-t-quantile'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inDateOrder } from '../../src/instruments/comparison'
import {
  reachesT975,
  signTest,
  t975,
  welchDegreesOfFreedom,
  welchDifference,
} from '../../src/instruments/statistics'
import { t975EighthsTo32, t975Table } from '../../src/instruments/t-table'
import {
  describeRollUp,
  describeTeamChange,
  signed,
  type TeamChange,
  teamChangeConsensus,
  teamChangeIndividual,
} from '../../src/instruments/team-change'
import { runs, summaryArbitrary } from './arbitraries'

describe('rule 9: team change', () => {
  it('says "Team C 58 → 55 (change −3, 95% interval −9 to +3): no reliable change"', () => {
    // SE = √(9.7²/20 × 2) = 3.0674; ν = 38 (equal n and sd); t(0.975, 38) = 2.02439
    const change = teamChangeIndividual({ n: 20, mean: 58, sd: 9.7 }, { n: 20, mean: 55, sd: 9.7 })
    expect(describeTeamChange('Team C', change)).toBe(
      'Team C 58 → 55 (change −3, 95% interval −9 to +3): no reliable change',
    )
    // Its ends as shown: −3 ∓ 6.2097, to whole numbers.
    expect(change.interval).toEqual([-9, 3])
  })

  it('uses Welch’s t, not 1.96: a team of 5 that z calls improved is not', () => {
    // Δ = 11, SE = √(8²/5 + 8²/5) = 5.05964; z: 11 − 1.96 × 5.06 = 1.08 > 0 (improved)
    // ν = 8, t(0.975, 8) = 2.306004: 11 − 11.6675 = −0.6675, so the interval holds 0
    const change = teamChangeIndividual({ n: 5, mean: 50, sd: 8 }, { n: 5, mean: 61, sd: 8 })
    expect(11 - 1.96 * Math.sqrt(25.6)).toBeGreaterThan(0)
    expect(change.interval).toEqual([-1, 23])
    expect(change.outcome).toBe('no reliable change')
    // Unequal spreads: SE² = 225/5 + 4/10 = 45.4; ν = 45.4² / (45²/4 + 0.4²/9) = 2061.16 / 506.2678 = 4.0713
    expect(
      welchDegreesOfFreedom({ squaredError: 45, n: 5 }, { squaredError: 0.4, n: 10 }),
    ).toBeCloseTo(4.0713, 3)
    expect(t975(8)).toBeCloseTo(2.306, 3)
    expect(t975(1e6)).toBeCloseTo(1.96, 2)
  })

  it('needs both the MID of 5 and an interval clear of 0', () => {
    const before = { n: 20, mean: 50, sd: 10 }
    // SE = 3.162, ν = 38, t = 2.024: half-width 6.40
    expect(teamChangeIndividual(before, { n: 20, mean: 60, sd: 10 }).outcome).toBe('improved')
    expect(teamChangeIndividual(before, { n: 20, mean: 56, sd: 10 }).outcome).toBe(
      'no reliable change',
    )
    expect(teamChangeIndividual(before, { n: 20, mean: 40, sd: 10 }).outcome).toBe('fell')
    expect(
      teamChangeIndividual({ n: 500, mean: 50, sd: 1 }, { n: 500, mean: 54, sd: 1 }).outcome,
    ).toBe('no reliable change')
    expect(
      teamChangeIndividual({ n: 1, mean: 50, sd: null }, { n: 20, mean: 90, sd: 5 }).outcome,
    ).toBe('insufficient data')
  })

  it('tests consensus teams by the exact sign test: 19 up and 4 down is p = 0.003, improved', () => {
    // P(X ≤ 4 | n = 23) = (1 + 23 + 253 + 1771 + 8855) / 2²³ = 10903 / 8388608; two-sided × 2
    expect(signTest(19, 4)).toBeCloseTo((2 * 10903) / 8388608, 12)
    const change = teamChangeConsensus(40, 52, { rose: 19, fell: 4 })
    expect(change.outcome).toBe('improved')
    expect(describeTeamChange('Executive', change)).toBe(
      'Executive 40 → 52 (change +12; 19 questions rose, 4 fell, sign test p = 0.003): improved',
    )
  })

  it('calls 28 → 47 with 21 questions up and none down improved (p < 0.001)', () => {
    expect(signTest(21, 0)).toBeCloseTo(2 / 2 ** 21, 15)
    const change = teamChangeConsensus(28, 47, { rose: 21, fell: 0 })
    expect(change.outcome).toBe('improved')
    expect(describeTeamChange('Executive', change)).toContain(
      '21 questions rose, 0 fell, sign test p < 0.001',
    )
    expect(teamChangeConsensus(47, 28, { rose: 0, fell: 21 }).outcome).toBe('fell')
  })

  it('needs the MID and p below 0.05 for consensus teams, in both directions', () => {
    // 5 up, 1 down: p = 2 × 7/64 = 0.219
    expect(signTest(5, 1)).toBeCloseTo(14 / 64, 12)
    expect(teamChangeConsensus(40, 50, { rose: 5, fell: 1 }).outcome).toBe('no reliable change')
    expect(teamChangeConsensus(40, 43, { rose: 20, fell: 0 }).outcome).toBe('no reliable change')
    expect(signTest(0, 0)).toBe(1)
    expect(teamChangeConsensus(null, 43, { rose: 20, fell: 0 }).outcome).toBe('insufficient data')
  })

  it('rolls up every team: "4 improved, 1 no reliable change, 1 fell; 1 not compared (…)"', () => {
    const outcome = (o: TeamChange['outcome']) => ({ outcome: o }) as TeamChange
    const changes = [
      'improved',
      'improved',
      'no reliable change',
      'improved',
      'fell',
      'improved',
    ] as const
    expect(describeRollUp(changes.map(outcome))).toBe('4 improved, 1 no reliable change, 1 fell')
    expect(
      describeRollUp(changes.map(outcome), ['fewer than 5 responses at one of the rounds']),
    ).toBe(
      '4 improved, 1 no reliable change, 1 fell; 1 not compared (fewer than 5 responses at one of the rounds)',
    )
    expect(
      describeRollUp(
        [outcome('improved'), outcome('insufficient data')],
        ['not assessed at the earlier round', 'not assessed at the earlier round'],
      ),
    ).toBe(
      '1 improved, 0 no reliable change, 0 fell; 3 not compared (2 not assessed at the earlier round; 1 too few totals)',
    )
  })

  it('writes differences with their sign and never "−0" or "+0"', () => {
    expect(signed(-0.4)).toBe('0')
    expect(signed(0.4)).toBe('0')
    expect(signed(-0)).toBe('0')
    expect(signed(-0.5)).toBe('0')
    expect(signed(-0.6)).toBe('−1')
    expect(signed(2.5)).toBe('+3')
    expect(signed(-3.2)).toBe('−3')
  })

  it('puts two rounds in date order whichever way they are asked', () => {
    const early = { name: 'Spring', opensOn: '2026-03-01', closesOn: '2026-03-31' }
    const late = { name: 'Autumn', opensOn: '2026-09-01', closesOn: '2026-09-30' }
    expect(inDateOrder(late, early)).toEqual({ earlier: early, later: late, swapped: true })
    expect(inDateOrder(early, late)).toEqual({ earlier: early, later: late, swapped: false })
  })

  it('swaps improved and fell when the rounds are swapped', () => {
    fc.assert(
      fc.property(summaryArbitrary, summaryArbitrary, (a, b) => {
        const forward = teamChangeIndividual(a, b)
        const backward = teamChangeIndividual(b, a)
        const mirror = { improved: 'fell', fell: 'improved' } as Record<string, string>
        expect(backward.outcome).toBe(mirror[forward.outcome] ?? forward.outcome)
        if (forward.interval && backward.interval) {
          // Halves round up: an end of −2.5 one way is +2.5 the other, shown −2 and +3.
          expect([0, 1]).toContain(backward.interval[0] + forward.interval[1])
        }
      }),
      runs,
    )
  })
})

describe('the t quantile test', () => {
  it('looks up t(0.975, ν) for whole ν, each entry the very quantile worked out', () => {
    expect(t975Table).toHaveLength(200)
    t975Table.forEach((t, i) => {
      expect([i + 1, t]).toEqual([i + 1, tQuantile(0.975, i + 1)])
    })
    expect(t975(201)).toBe(tQuantile(0.975, 201))
    expect(t975(0.5)).toBe(t975Table[0])
  })

  it('looks up t(0.975, ν) for ν from 1 to 32 in eighths, each entry the very quantile worked out', () => {
    expect(t975EighthsTo32).toHaveLength(31 * 8 + 1)
    t975EighthsTo32.forEach((t, i) => {
      const df = 1 + i / 8
      expect([df, t]).toEqual([df, tQuantile(0.975, df)])
      expect(t975(df)).toBe(t)
    })
    expect(t975(32.125)).toBe(tQuantile(0.975, 32.125))
  })

  it('gives each end of a team’s interval, and its side of 0, as t at ν itself would', () => {
    fc.assert(
      fc.property(summaryArbitrary, summaryArbitrary, (a, b) => {
        const change = teamChangeIndividual(a, b)
        if (change.delta === null) return
        const { delta, se, df } = welchDifference(a, b)
        const half = t975(df) * se
        expect(change.interval).toEqual([Math.round(delta - half), Math.round(delta + half)])
        const mirror = teamChangeIndividual(a, b, { mid: 0 })
        expect(mirror.outcome).toBe(
          delta - half > 0 ? 'improved' : delta + half < 0 ? 'fell' : 'no reliable change',
        )
      }),
      runs,
    )
    // On the edge, where the whole numbers either side of ν leave it in doubt: a change just short
    // of t at a fractional ν times SE, and just past it; a lower end just under ½, and just over.
    const before = { n: 5, mean: 40, sd: 8 }
    const spread = { n: 7, sd: 12 }
    const { se, df } = welchDifference(before, { ...spread, mean: 50 })
    expect(Number.isInteger(df)).toBe(false)
    const edge = t975(df) * se
    const at = (delta: number) =>
      teamChangeIndividual(before, { ...spread, mean: 40 + delta }, { mid: 0 }).outcome
    expect([at(edge * (1 - 1e-9)), at(edge * (1 + 1e-9))]).toEqual([
      'no reliable change',
      'improved',
    ])
    expect([at(-edge * (1 - 1e-9)), at(-edge * (1 + 1e-9))]).toEqual(['no reliable change', 'fell'])
    const lower = (delta: number) =>
      teamChangeIndividual(before, { ...spread, mean: 40 + delta }).interval?.[0]
    expect([lower(edge + 0.5 - 1e-9), lower(edge + 0.5 + 1e-9)]).toEqual([0, 1])
  })

  it('decides |Δ/SE| ≥ t(0.975, ν) exactly as the quantile itself would', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: 1, max: 400, noNaN: true }),
        (ratio, df) => {
          expect(reachesT975(ratio, df)).toBe(Math.abs(ratio) >= t975(df))
        },
      ),
      runs,
    )
    // Just below and just above the quantile, at any fractional ν: what bounds it from whole ν
    // never cuts it off.
    fc.assert(
      fc.property(fc.double({ min: 1, max: 400, noNaN: true }), (df) => {
        const t = t975(df)
        expect([reachesT975(t * (1 - 1e-9), df), reachesT975(t * (1 + 1e-9), df)]).toEqual([
          false,
          true,
        ])
      }),
      runs,
    )
    const edge = t975(7.3)
    expect(reachesT975(edge * (1 - 1e-12), 7.3)).toBe(false)
    expect(reachesT975(edge, 7.3)).toBe(true)
  })
})
