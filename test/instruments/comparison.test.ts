import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  comparableItems,
  describeSplit,
  measuresSplit,
  type RoundItems,
} from '../../src/instruments/comparison'
import type { Instrument } from '../../src/instruments/definition'
import { findBuiltIn } from '../../src/instruments/registry'
import type { AnswerValue } from '../../src/instruments/scoring'
import { roundItemsFor, runs } from './arbitraries'

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
