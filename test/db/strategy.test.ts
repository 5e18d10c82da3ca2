import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { createMetric, listMetricPeriods, saveMetricValues } from '../../src/db/queries/metrics'
import { createWorkstream } from '../../src/db/queries/strategy'
import { metricValues } from '../../src/db/schema'
import { comparators } from '../../src/instruments/enums'
import { coverage } from '../../src/instruments/strategy'
import { createOrganisation, createTeamRow } from '../helpers/factories'

describe('metric values and what each period comes to', () => {
  it('keeps each period’s count, total and teams meeting the target equal to the values, through corrections', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...comparators),
        fc.integer({ min: 0, max: 3 }),
        fc.array(
          fc.record({
            team: fc.integer({ min: 0, max: 3 }),
            period: fc.constantFrom('2026-01', '2026-02', '2026-03'),
            value: fc.integer({ min: 0, max: 4 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (comparator, targetValue, saves) => {
          const { db } = await freshHarness()
          const org = await createOrganisation(db)
          const teams = []
          for (const name of ['A', 'B', 'C', 'D']) teams.push(await createTeamRow(db, org.id, name))
          const actor = { organisationId: org.id, actorId: crypto.randomUUID(), at: new Date() }
          const workstream = await createWorkstream(db, actor, {
            name: 'Peer support',
            purpose: 'x',
            lead: 'x',
            linkedDomains: [],
          })
          const metricId = await createMetric(db, actor, workstream ?? '', {
            name: 'Peer support workers',
            unit: 'workers',
            direction: 'higher',
            scope: 'team',
            cadence: 'monthly',
            comparator,
            targetValue,
            coverageTarget: 100,
            dueOn: '2027-03-31',
            baseline: null,
          })
          // One save at a time, as entries of the form or rows of an upload, corrections included.
          for (const save of saves) {
            await saveMetricValues(db, actor, [
              {
                metricId: metricId ?? '',
                period: save.period,
                groupId: teams[save.team]?.id ?? '',
                value: save.value,
                note: null,
              },
            ])
          }
          const values = await db.select().from(metricValues)
          const periods = await listMetricPeriods(db, org.id, { metricId: metricId ?? '' })
          expect(periods.map((p) => p.period)).toEqual(
            [...new Set(values.map((v) => v.period))].sort(),
          )
          expect(
            await listMetricPeriods(db, org.id, { metricId: metricId ?? '' }, { latestOnly: true }),
          ).toEqual(periods.slice(-1))
          for (const p of periods) {
            const inPeriod = values.filter((v) => v.period === p.period)
            const expected = coverage(
              teams.map((t) => t.id),
              new Map(inPeriod.map((v) => [v.groupId, v.value])),
              { comparator, value: targetValue },
            )
            expect(p.meeting).toBe(expected.meeting)
            expect(p.valuesCount).toBe(inPeriod.length)
            expect(p.total).toBe(inPeriod.reduce((s, v) => s + v.value, 0))
          }
        },
      ),
      { numRuns: 10 },
    )
  })
})
