import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findBuiltIn } from '../../src/instruments/registry'
import {
  type Answers,
  aggregateGroup,
  itemValue,
  normalise,
  respondentDomainScores,
  scoreRespondent,
} from '../../src/instruments/scoring'
import { summarise, summaryFromSums } from '../../src/instruments/statistics'
import { answersFor, runs } from './arbitraries'

const exec = findBuiltIn('org-recovery-exec', 1) ?? expect.fail('org-recovery-exec v1 missing')
const team = findBuiltIn('team-recovery-focus', 1) ?? expect.fail('team-recovery-focus v1 missing')
const [stage4] = exec.scales
const [agree5] = team.scales
if (!stage4 || !agree5) throw new Error('scales missing')

const domainScore = (scores: ReturnType<typeof respondentDomainScores>, key: string) =>
  scores.find((d) => d.domain === key)?.score

/** Every item of the instrument answered with the same value. */
const all = (instrument: typeof exec, value: number | 'NA' | 'DK'): Answers =>
  Object.fromEntries(instrument.items.map((i) => [i.linkId, value]))

describe('rule 1: item values', () => {
  it('scores NA, DK and unanswered as null, never 0', () => {
    expect(itemValue('NA')).toBeNull()
    expect(itemValue('DK')).toBeNull()
    expect(itemValue(undefined)).toBeNull()
    expect(itemValue(0)).toBe(0)
  })
})

describe('rule 2: normalising to 0–100', () => {
  it('maps STAGE4 0..3 and AGREE5 1..5 onto 0–100', () => {
    const expectClose = (actual: number[], expected: number[]) => {
      for (const [i, v] of actual.entries()) expect(v).toBeCloseTo(expected[i] as number, 10)
    }
    expectClose(
      [0, 1, 2, 3].map((v) => normalise(v, stage4)),
      [0, 100 / 3, 200 / 3, 100],
    )
    expectClose(
      [1, 2, 3, 4, 5].map((v) => normalise(v, agree5)),
      [0, 25, 50, 75, 100],
    )
  })
})

describe('rule 3: respondent domain scores', () => {
  it('scores a domain when half its items are valid, as the mean of those items', () => {
    // D01 of the executive instrument has four items, E01–E04
    const scores = respondentDomainScores(exec, { E01: 3, E02: 2, E03: 'DK' })
    expect(domainScore(scores, 'D01')).toBeCloseTo((100 + 200 / 3) / 2, 10)
    expect(scores.find((d) => d.domain === 'D01')).toMatchObject({ valid: 2, items: 4 })
  })

  it('calls a domain insufficient below half its items', () => {
    expect(
      domainScore(respondentDomainScores(exec, { E01: 3, E02: 'DK', E03: 'DK' }), 'D01'),
    ).toBeNull()
    // D02 has three items (E05–E07): one valid is under half, two is enough
    expect(domainScore(respondentDomainScores(exec, { E05: 1 }), 'D02')).toBeNull()
    expect(domainScore(respondentDomainScores(exec, { E05: 1, E06: 2 }), 'D02')).toBeCloseTo(50, 10)
  })
})

describe('rule 4: respondent totals and coverage', () => {
  it('totals the domain scores, each domain weighing the same, when 8 of 10 are scorable', () => {
    const answers: Record<string, number | 'DK'> = { ...all(exec, 2) } as Record<string, number>
    for (const i of exec.items.filter((i) => i.domain === 'D01')) answers[i.linkId] = 3
    for (const i of exec.items.filter((i) => ['D09', 'D10'].includes(i.domain)))
      answers[i.linkId] = 'DK'
    const score = scoreRespondent(exec, answers)
    expect(score.domainsScored).toBe(8)
    // one domain at 100, seven at 66.7: (100 + 7 × 200/3) / 8
    expect(score.total).toBeCloseTo((100 + (7 * 200) / 3) / 8, 10)
  })

  it('gives no total when fewer than 8 domains are scorable', () => {
    const answers: Record<string, number | 'DK'> = { ...all(exec, 2) } as Record<string, number>
    for (const i of exec.items.filter((i) => ['D08', 'D09', 'D10'].includes(i.domain)))
      answers[i.linkId] = 'DK'
    expect(scoreRespondent(exec, answers)).toMatchObject({ total: null, domainsScored: 7 })
  })

  it('reports coverage as answered of applicable, NA not applicable and DK unanswered', () => {
    const answers: Record<string, number | 'NA' | 'DK'> = { ...all(team, 4) } as Record<
      string,
      number
    >
    answers.T01 = 'NA'
    answers.T02 = 'NA'
    answers.T03 = 'DK'
    answers.T04 = 'DK'
    delete answers.T05
    expect(scoreRespondent(team, answers, 'staff')).toMatchObject({ answered: 19, applicable: 22 })
  })
})

describe('rule 5: group aggregates', () => {
  it('gives n, mean, sd and the NA and DK rates per item, and the mean of respondent totals', () => {
    const responses = [
      { ...all(team, 5), T01: 5 },
      { ...all(team, 3), T01: 4 },
      { ...all(team, 4), T01: 'NA' as const },
      { T02: 'DK' as const },
    ]
    const aggregate = aggregateGroup(team, responses, 'staff')
    const t01 = aggregate.items.find((i) => i.linkId === 'T01')
    expect(t01).toMatchObject({ n: 2, mean: 87.5, respondents: 4, naRate: 0.25, dkRate: 0 })
    expect(t01?.sd).toBeCloseTo(Math.sqrt(12.5 ** 2 * 2), 10)
    expect(aggregate.items.find((i) => i.linkId === 'T02')?.dkRate).toBe(0.25)
    // three totals (the fourth respondent has no scorable domain): 100; 50 but for D01, which is
    // (75 + 50 + 50) / 3, so (175 / 3 + 9 × 50) / 10; and 75, T01 being NA
    expect(aggregate.total.n).toBe(3)
    expect(aggregate.total.mean).toBeCloseTo((100 + (175 / 3 + 450) / 10 + 75) / 3, 10)
    expect(aggregate.domains.find((d) => d.domain === 'D01')?.n).toBe(3)
  })

  it('agrees with the running sums the aggregate tables keep', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 80 }),
        (values) => {
          const direct = summarise(values)
          const sums = summaryFromSums(
            values.length,
            values.reduce((s, v) => s + v, 0),
            values.reduce((s, v) => s + v * v, 0),
          )
          expect(sums.n).toBe(direct.n)
          if (direct.mean === null) expect(sums.mean).toBeNull()
          else expect(sums.mean).toBeCloseTo(direct.mean, 6)
          if (direct.sd === null) expect(sums.sd).toBeNull()
          else expect(sums.sd).toBeCloseTo(direct.sd, 4)
        },
      ),
      runs,
    )
  })
})

describe('scoring properties', () => {
  for (const instrument of [exec, team]) {
    it(`keeps every score of ${instrument.slug} within 0–100`, () => {
      fc.assert(
        fc.property(answersFor(instrument), (answers) => {
          const score = scoreRespondent(instrument, answers)
          for (const d of score.domains) {
            if (d.score !== null) {
              expect(d.score).toBeGreaterThanOrEqual(0)
              expect(d.score).toBeLessThanOrEqual(100)
            }
          }
          if (score.total !== null) {
            expect(score.total).toBeGreaterThanOrEqual(0)
            expect(score.total).toBeLessThanOrEqual(100)
          }
          expect(score.answered).toBeLessThanOrEqual(score.applicable)
        }),
        runs,
      )
    })

    it(`never counts NA or DK as 0 in ${instrument.slug}`, () => {
      const top = Math.max(...(instrument.scales[0]?.levels.map((l) => l.value) ?? []))
      fc.assert(
        fc.property(answersFor(instrument), (answers) => {
          // every rating raised to the top level; NA, DK and blanks left as they were
          const raised = Object.fromEntries(
            Object.entries(answers).map(([k, v]) => [k, typeof v === 'number' ? top : v]),
          )
          const score = scoreRespondent(instrument, raised)
          for (const d of score.domains) if (d.score !== null) expect(d.score).toBe(100)
          if (score.total !== null) expect(score.total).toBe(100)
        }),
        runs,
      )
    })
  }

  it('gives the same scores whether an item is NA or DK', () => {
    fc.assert(
      fc.property(
        answersFor(team),
        fc.constantFrom(...team.items.map((i) => i.linkId)),
        (answers, linkId) => {
          const asNA = scoreRespondent(team, { ...answers, [linkId]: 'NA' })
          const asDK = scoreRespondent(team, { ...answers, [linkId]: 'DK' })
          expect(asNA.domains).toEqual(asDK.domains)
          expect(asNA.total).toEqual(asDK.total)
        },
      ),
      runs,
    )
  })

  it('keeps group aggregates within 0–100 with rates between 0 and 1', () => {
    fc.assert(
      fc.property(fc.array(answersFor(team), { maxLength: 12 }), (responses) => {
        const aggregate = aggregateGroup(team, responses)
        for (const item of aggregate.items) {
          expect(item.naRate + item.dkRate).toBeLessThanOrEqual(1)
          expect(item.n).toBeLessThanOrEqual(responses.length)
          if (item.mean !== null) expect(item.mean).toBeGreaterThanOrEqual(0)
          if (item.mean !== null) expect(item.mean).toBeLessThanOrEqual(100 + 1e-9)
        }
        expect(aggregate.total.n).toBeLessThanOrEqual(responses.length)
      }),
      { numRuns: 1000 },
    )
  })
})
