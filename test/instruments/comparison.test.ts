import tQuantile from '@stdlib/stats-base-dists-t-quantile'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  comparableItems,
  describeSplit,
  inDateOrder,
  measuresSplit,
  type RoundItems,
} from '../../src/instruments/comparison'
import type { Instrument } from '../../src/instruments/definition'
import { findBuiltIn } from '../../src/instruments/registry'
import type { AnswerValue } from '../../src/instruments/scoring'
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
import { roundItemsFor, runs, summaryArbitrary } from './arbitraries'

const exec = findBuiltIn('org-recovery-exec', 1) ?? expect.fail('org-recovery-exec v1 missing')
const ids = exec.items.map((i) => i.linkId)

const consensus = (ratings: Record<string, AnswerValue>): RoundItems => ({
  mode: 'consensus',
  ratings: new Map(Object.entries(ratings)),
})
const side = (instrument: Instrument, items: RoundItems) => ({ instrument, items })

/** A version 2 of the executive instrument: E35 removed, E36 added, E34 on another scale. */
function execVersion2(): Instrument {
  const v2 = structuredClone(exec)
  v2.version = 2
  v2.items = v2.items.filter((i) => i.linkId !== 'E35')
  v2.items.push({ ...(exec.items[0] as Instrument['items'][number]), linkId: 'E36', domain: 'D10' })
  v2.scales.push({
    id: 'STAGE5',
    title: 'Five stages',
    levels: [0, 1, 2, 3, 4].map((value) => ({ value, label: `Stage ${value}` })),
  })
  const e34 = v2.items.find((i) => i.linkId === 'E34')
  if (e34) e34.scale = 'STAGE5'
  return v2
}

describe('rule 8 with consensus ratings', () => {
  it('reports "19 improved, 12 unchanged, 4 declined, 0 excluded (of 35)"', () => {
    const before = Object.fromEntries(ids.map((id) => [id, 1]))
    const after = Object.fromEntries(ids.map((id, i) => [id, i < 19 ? 2 : i < 31 ? 1 : 0]))
    const split = measuresSplit(side(exec, consensus(before)), side(exec, consensus(after)))
    expect(describeSplit(split)).toBe(
      '19 improved, 12 unchanged, 4 declined, 0 excluded (of 35 questions)',
    )
    expect(split.comparable).toBe(35)
    const d01 = split.byDomain.find((d) => d.domain === 'D01')
    expect(d01).toEqual({ domain: 'D01', improved: 4, unchanged: 0, declined: 0, excluded: 0 })
    const d10 = split.byDomain.find((d) => d.domain === 'D10')
    expect(d10).toEqual({ domain: 'D10', improved: 0, unchanged: 0, declined: 3, excluded: 0 })
  })

  it('counts a rise of two steps once, as improved', () => {
    const split = measuresSplit(
      side(exec, consensus({ ...Object.fromEntries(ids.map((id) => [id, 1])), E01: 0 })),
      side(exec, consensus({ ...Object.fromEntries(ids.map((id) => [id, 1])), E01: 2 })),
    )
    expect(split).toMatchObject({ improved: 1, unchanged: 34, declined: 0, excluded: 0 })
  })
})

describe('rule 7: comparable items', () => {
  it('lists what was left out across a version change, and why', () => {
    const v2 = execVersion2()
    const before = consensus({ ...Object.fromEntries(ids.map((id) => [id, 1])), E02: 'DK' })
    const after = consensus({
      ...Object.fromEntries(v2.items.map((i) => [i.linkId, 2])),
      E03: 'DK',
    })
    const { comparable, excluded } = comparableItems(side(exec, before), side(v2, after))
    expect(comparable).toHaveLength(31)
    expect(excluded).toEqual([
      {
        linkId: 'E02',
        domain: 'D01',
        reason: 'no rating at the earlier round (not answered, not applicable or don’t know)',
      },
      {
        linkId: 'E03',
        domain: 'D01',
        reason: 'no rating at the later round (not answered, not applicable or don’t know)',
      },
      { linkId: 'E34', domain: 'D10', reason: 'its answer scale changed between the versions' },
      { linkId: 'E35', domain: 'D10', reason: 'not asked in version 2 of the questionnaire' },
      { linkId: 'E36', domain: 'D10', reason: 'not asked in version 1 of the questionnaire' },
    ])
    const split = measuresSplit(side(exec, before), side(v2, after))
    expect(describeSplit(split)).toBe(
      '31 improved, 0 unchanged, 0 declined, 5 excluded (of 36 questions)',
    )
  })
})

describe('rule 8 with individual responses', () => {
  const individual = (mean: number, sd: number, n: number): RoundItems => ({
    mode: 'individual',
    summaries: new Map(ids.map((id) => [id, { n, mean, sd }])),
  })

  it('needs the MID and a reliable change (Δ/SE ≥ 1.96)', () => {
    // Δ 15, SE √(400/10 + 400/10) = 8.94: z 1.68, not reliable
    expect(
      measuresSplit(side(exec, individual(50, 20, 10)), side(exec, individual(65, 20, 10)))
        .improved,
    ).toBe(0)
    // Δ 15, SE √(400/20 + 400/20) = 6.32: z 2.37, improved
    expect(
      measuresSplit(side(exec, individual(50, 20, 20)), side(exec, individual(65, 20, 20)))
        .improved,
    ).toBe(35)
    // Δ 10 is under the MID of 12.5, however many answered
    expect(
      measuresSplit(side(exec, individual(50, 5, 200)), side(exec, individual(60, 5, 200)))
        .improved,
    ).toBe(0)
    // Δ −15 with z −2.37: declined
    expect(
      measuresSplit(side(exec, individual(65, 20, 20)), side(exec, individual(50, 20, 20)))
        .declined,
    ).toBe(35)
  })

  it('takes the MID it is given', () => {
    const split = measuresSplit(
      side(exec, individual(50, 5, 200)),
      side(exec, individual(60, 5, 200)),
      { mid: 10 },
    )
    expect(split.improved).toBe(35)
    expect(split.rule).toContain('at least 10 points')
  })

  it('excludes an item answered by fewer than two people at a round', () => {
    const thin = individual(50, 10, 1)
    const split = measuresSplit(side(exec, thin), side(exec, individual(80, 10, 30)))
    expect(split.comparable).toBe(0)
    expect(split.excludedItems[0]?.reason).toBe(
      'too few answers at the earlier round to show or to judge a change',
    )
  })
})

describe('rule 8 properties', () => {
  const modes = ['consensus', 'individual'] as const
  for (const mode of modes) {
    it(`always adds up to the comparable items, plus the excluded to all items (${mode})`, () => {
      fc.assert(
        fc.property(roundItemsFor(exec, mode), roundItemsFor(exec, mode), (a, b) => {
          const split = measuresSplit(side(exec, a), side(exec, b))
          expect(split.improved + split.unchanged + split.declined).toBe(split.comparable)
          expect(split.comparable + split.excluded).toBe(exec.items.length)
          const byDomain = split.byDomain.reduce(
            (s, d) => s + d.improved + d.unchanged + d.declined + d.excluded,
            0,
          )
          expect(byDomain).toBe(exec.items.length)
        }),
        runs,
      )
    })

    it(`swaps improved and declined when the rounds are swapped (${mode})`, () => {
      fc.assert(
        fc.property(roundItemsFor(exec, mode), roundItemsFor(exec, mode), (a, b) => {
          const forward = measuresSplit(side(exec, a), side(exec, b))
          const backward = measuresSplit(side(exec, b), side(exec, a))
          expect(backward.improved).toBe(forward.declined)
          expect(backward.declined).toBe(forward.improved)
          expect(backward.unchanged).toBe(forward.unchanged)
          expect(backward.excluded).toBe(forward.excluded)
        }),
        runs,
      )
    })

    it(`changes only the excluded count when an item is not comparable (${mode})`, () => {
      const extended = structuredClone(exec)
      extended.items.push({ ...(exec.items[0] as Instrument['items'][number]), linkId: 'X01' })
      fc.assert(
        fc.property(roundItemsFor(exec, mode), roundItemsFor(exec, mode), (a, b) => {
          const plain = measuresSplit(side(exec, a), side(exec, b))
          const withExtra = measuresSplit(side(exec, a), side(extended, b))
          expect(withExtra.excluded).toBe(plain.excluded + 1)
          expect([withExtra.improved, withExtra.unchanged, withExtra.declined]).toEqual([
            plain.improved,
            plain.unchanged,
            plain.declined,
          ])
        }),
        runs,
      )
    })
  }
})

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
