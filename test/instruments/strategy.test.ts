import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runChart } from '../../src/instruments/run-chart'
import {
  coverage,
  describeSignals,
  metricStatus,
  peerSupportValue,
  periodLabel,
  periodOf,
  workstreamStatus,
} from '../../src/instruments/strategy'

const months = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const m = from + i
    return `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
  })

describe('strategy: coverage of a per-team target', () => {
  it('counts the teams meeting "at least 2 in every team", and lists the rest', () => {
    const teams = Array.from({ length: 150 }, (_, i) => `team-${i}`)
    // 94 teams with 2 or 3 workers, 50 with 0 or 1, and 6 with nothing recorded.
    const values = new Map(
      teams.slice(0, 144).map((id, i) => [id, i < 94 ? 2 + (i % 2) : i % 2] as const),
    )
    const result = coverage(teams, values, { comparator: '>=', value: 2 })
    expect(result).toMatchObject({ meeting: 94, inScope: 150 })
    expect(Math.round(result.percent ?? 0)).toBe(63)
    expect(result.below).toHaveLength(56)
    expect(result.below).toContain('team-94')
    expect(result.below).not.toContain('team-93')
    expect(result.missing).toEqual(teams.slice(144))
  })

  it('has no percentage with no team in scope', () => {
    expect(coverage([], new Map(), { comparator: '>=', value: 2 }).percent).toBeNull()
  })

  it('always splits the teams in scope into meeting and below, whatever the values', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 5 }),
        (teams, given, threshold) => {
          const values = new Map(given.map((v, i) => [teams[i] ?? '', v] as const))
          const result = coverage(teams, values, { comparator: '>=', value: threshold })
          expect(result.meeting + result.below.length).toBe(teams.length)
          for (const id of result.below) expect((values.get(id) ?? -1) < threshold).toBe(true)
        },
      ),
    )
  })
})

describe('strategy: status against target and due date', () => {
  const target = { comparator: '>=', value: 100 } as const
  it('is met, not yet met before the due date, missed after it', () => {
    expect(metricStatus(100, target, '2027-03-31', '2026-11-23')).toBe('met')
    expect(metricStatus(63, target, '2027-03-31', '2026-11-23')).toBe('not yet met')
    expect(metricStatus(63, target, '2027-03-31', '2027-04-01')).toBe('missed')
    expect(metricStatus(null, target, '2027-03-31', '2026-11-23')).toBe('no data')
    expect(metricStatus(null, target, '2027-03-31', '2027-04-01')).toBe('missed')
    expect(metricStatus(4, { comparator: '<=', value: 5 }, '2027-03-31', '2027-04-01')).toBe('met')
  })

  it('derives a workstream’s status from its objectives and metrics', () => {
    const today = '2026-11-23'
    const on = { status: 'on-track', dueOn: '2027-01-01' } as const
    expect(workstreamStatus([on], ['not yet met'], today)).toBe('on track')
    expect(workstreamStatus([on, { status: 'at-risk', dueOn: '2027-01-01' }], [], today)).toBe(
      'at risk',
    )
    expect(workstreamStatus([{ status: 'on-track', dueOn: '2026-10-01' }], [], today)).toBe(
      'off track',
    )
    expect(workstreamStatus([on], ['missed'], today)).toBe('off track')
    expect(workstreamStatus([{ status: 'done', dueOn: '2026-01-01' }], ['met'], today)).toBe('done')
    expect(
      workstreamStatus([{ status: 'not-started', dueOn: '2027-06-01' }], ['no data'], today),
    ).toBe('not started')
    expect(workstreamStatus([], [], today)).toBe('not started')
  })
})

describe('strategy: signals in plain words', () => {
  it('says a shift reaching the latest point is "since" its first month', () => {
    const values = [3, 4, 3, 5, 4, 3, 4, 5, 3, 4, 4, 3, 8, 9, 8, 9, 8, 9]
    const periods = months(0, values.length)
    const words = describeSignals(runChart(values), periods)
    expect(words[0]).toBe(`a shift upwards since ${periodLabel(periods[12] ?? '')}`)
    expect(words[0]).toBe('a shift upwards since Jan 2026')
  })

  it('gives an earlier trend its span, and a point beyond the limits its month', () => {
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 30, 10, 11, 12, 13, 14, 11]
    const words = describeSignals(runChart(values), months(0, values.length))
    expect(words).toContain('a rising trend from Feb 2026 to Jun 2026')
    expect(words).toContain('a point above the upper limit in Jan 2026')
  })

  it('says nothing of a series that only varies', () => {
    const values = [5, 6, 5, 7, 5, 6, 7, 5, 6, 5, 7, 6]
    expect(describeSignals(runChart(values), months(0, values.length))).toEqual([])
  })

  it('labels months and calendar quarters', () => {
    expect(periodLabel('2026-05')).toBe('May 2026')
    expect(periodLabel('2026-Q2')).toBe('Apr–Jun 2026')
    expect(periodOf('2026-11-23', 'monthly')).toBe('2026-11')
    expect(periodOf('2026-11-23', 'quarterly')).toBe('2026-Q4')
  })
})

describe('strategy: the peer support value estimate', () => {
  it('weighs bed days avoided at their cost against the workers’ cost', () => {
    const result = peerSupportValue({
      fte: 10,
      costPerFte: 35_000,
      clientsSupported: 500,
      contacts: 4_000,
      bedDaysAvoided: 1_000,
      costPerBedDay: 450,
    })
    expect(result).toEqual({
      cost: 350_000,
      saving: 450_000,
      net: 100_000,
      returnPerPound: 450_000 / 350_000,
      costPerClient: 700,
      costPerContact: 87.5,
    })
  })

  it('gives no return per pound when nothing is spent', () => {
    const result = peerSupportValue({
      fte: 0,
      costPerFte: 35_000,
      clientsSupported: 0,
      contacts: 0,
      bedDaysAvoided: 10,
      costPerBedDay: 450,
    })
    expect(result.returnPerPound).toBeNull()
    expect(result.costPerClient).toBeNull()
  })
})
