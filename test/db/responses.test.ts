import { and, eq } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { completeResponse } from '../../src/db/queries/completion'
import { createInvitations, getInvitation, responseIdOf } from '../../src/db/queries/invitations'
import { listAnswers, saveAnswers } from '../../src/db/queries/responses'
import {
  answers,
  invitations,
  itemAggregates,
  respondentScores,
  responses,
  scoreAggregates,
} from '../../src/db/schema'
import { totalMeasure } from '../../src/instruments/results'
import { aggregateGroup, normalise } from '../../src/instruments/scoring'
import { summaryFromSums } from '../../src/instruments/statistics'
import { startResponse, teamInstrument } from '../helpers/factories'
import { openRound, respond } from '../helpers/responses'
import { answersFor } from '../instruments/arbitraries'

const instrument = teamInstrument()
const scale = instrument.scales[0]
if (!scale) throw new Error('no scale')

describe('responses and their aggregates', () => {
  it('keeps item and score aggregates equal to scoring every response afresh', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(answersFor(instrument), { minLength: 1, maxLength: 6 }),
        async (all) => {
          const scope = await openRound(await freshHarness())
          const { db, round, team } = scope
          for (const given of all) await respond(db, scope, given)
          const expected = aggregateGroup(instrument, all, 'staff')
          const items = await db
            .select()
            .from(itemAggregates)
            .where(and(eq(itemAggregates.roundId, round.id), eq(itemAggregates.groupId, team.id)))
          for (const item of expected.items) {
            const row = items.find((r) => r.linkId === item.linkId)
            const kept = summaryFromSums(row?.n ?? 0, row?.sum ?? 0, row?.sumOfSquares ?? 0)
            expect(kept.n).toBe(item.n)
            if (item.mean !== null)
              expect(normalise(kept.mean ?? Number.NaN, scale)).toBeCloseTo(item.mean, 6)
            if (item.sd !== null)
              expect(((kept.sd ?? Number.NaN) * 100) / 4).toBeCloseTo(item.sd, 6)
            expect((row?.naCount ?? 0) / all.length).toBeCloseTo(item.naRate, 9)
            expect((row?.dkCount ?? 0) / all.length).toBeCloseTo(item.dkRate, 9)
          }
          const scores = await db
            .select()
            .from(scoreAggregates)
            .where(eq(scoreAggregates.roundId, round.id))
          const measures = [
            ...expected.domains.map((d) => ({
              measure: d.domain,
              summary: d as typeof expected.total,
            })),
            { measure: totalMeasure, summary: expected.total },
          ]
          for (const { measure, summary } of measures) {
            const row = scores.find((r) => r.measure === measure)
            const kept = summaryFromSums(row?.n ?? 0, row?.sum ?? 0, row?.sumOfSquares ?? 0)
            expect(kept.n).toBe(summary.n)
            expect((row?.n ?? 0) + (row?.insufficient ?? 0)).toBe(all.length)
            // Both null, or both figures and close: an absent figure must stay absent.
            const { mean, sd } = summary
            expect(kept.mean).toEqual(mean === null ? null : expect.closeTo(mean, 6))
            expect(kept.sd).toEqual(sd === null ? null : expect.closeTo(sd, 6))
          }
        },
      ),
      { numRuns: 8 },
    )
  })

  it('completes a response once: a second completion adds nothing and answers are then fixed', async () => {
    const scope = await openRound(await freshHarness())
    const { db, org, round, team } = scope
    const [link] = await createInvitations(db, scope.actor, round.id, [
      { groupId: team.id, perspective: 'staff', count: 1 },
    ])
    const key = await responseIdOf(link?.token ?? '')
    const where = {
      organisationId: org.id,
      roundId: round.id,
      groupId: team.id,
      perspective: 'staff',
    }
    const first = await startResponse(db, {
      ...where,
      id: key,
      kind: 'individual',
      startedOn: '2027-03-02',
    })
    const again = await startResponse(db, {
      ...where,
      id: key,
      kind: 'individual',
      startedOn: '2027-03-03',
    })
    expect(again.id).toBe(first.id)
    await saveAnswers(db, first, [
      { linkId: 'T01', value: 4, comment: 'Mostly' },
      { linkId: 'T02', value: 'DK', comment: null },
    ])
    await saveAnswers(db, first, [{ linkId: 'T01', value: 5, comment: null }])
    expect(await listAnswers(db, first)).toEqual([
      { linkId: 'T01', value: 5, comment: null, dissent: null },
      { linkId: 'T02', value: 'DK', comment: null, dissent: null },
    ])
    const hash = (await db.select().from(invitations))[0]?.tokenHash
    const results = await Promise.all([
      completeResponse(db, instrument, first, '2027-03-04', hash),
      completeResponse(db, instrument, first, '2027-03-04', hash),
    ])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await completeResponse(db, instrument, first, '2027-03-05', hash)).toBe(false)
    const [t01] = await db.select().from(itemAggregates).where(eq(itemAggregates.linkId, 'T01'))
    expect(t01).toMatchObject({ n: 1, sum: 5, sumOfSquares: 25, naCount: 0, dkCount: 0 })
    const [t02] = await db.select().from(itemAggregates).where(eq(itemAggregates.linkId, 'T02'))
    expect(t02).toMatchObject({ n: 0, dkCount: 1 })
    expect(await db.select().from(respondentScores)).toHaveLength(instrument.domains.length + 1)
    expect(await db.select().from(responses)).toMatchObject([
      { status: 'completed', completedOn: '2027-03-04', answered: 1 },
    ])
    expect((await db.select().from(invitations))[0]?.used).toBe(true)
    const [filed] = await db.select().from(responses)
    expect(filed?.id).not.toBe(key)
    // A late save is refused and stores nothing: false, not an error.
    expect(
      await saveAnswers(db, { ...first, invitationHash: hash }, [
        { linkId: 'T03', value: 2, comment: null },
      ]),
    ).toBe(false)
    expect(await db.select().from(answers).where(eq(answers.linkId, 'T03'))).toEqual([])
    // So is one from a page that found the response begun before it was submitted (one statement,
    // no start), for a new question and for one answered before.
    for (const linkId of ['T03', 'T01'])
      expect(
        await saveAnswers(db, { ...first, invitationHash: hash, started: true }, [
          { linkId, value: 2, comment: null },
        ]),
      ).toBe(false)
    expect(await db.select().from(answers).where(eq(answers.linkId, 'T03'))).toEqual([])
    expect(
      (await db.select().from(answers).where(eq(answers.linkId, 'T01'))).map((a) => a.value),
    ).toEqual([5])
    expect(await db.select().from(responses)).toHaveLength(1)
    await expect(
      db
        .update(answers)
        .set({ value: 1 })
        .where(eq(answers.responseId, filed?.id ?? '')),
    ).rejects.toThrow()
  })

  it('makes 500 links in one batch within D1’s parameter limit, each found only by its token', async () => {
    const scope = await openRound(await freshHarness())
    const links = await createInvitations(scope.db, scope.actor, scope.round.id, [
      { groupId: scope.team.id, perspective: 'staff', count: 300 },
      { groupId: scope.team.id, perspective: 'person-using-service', count: 200 },
    ])
    expect(new Set(links.map((l) => l.token)).size).toBe(500)
    const stored = await scope.db.select().from(invitations)
    expect(stored).toHaveLength(500)
    expect(stored.some((row) => links.some((l) => l.token === row.tokenHash))).toBe(false)
    const found = await getInvitation(scope.db, links[499]?.token ?? '')
    expect(found?.invitation.perspective).toBe('person-using-service')
    expect(await getInvitation(scope.db, 'x'.repeat(43))).toBeNull()
  })

  it('saves a whole questionnaire of answers in one batch within D1’s parameter limit', async () => {
    const scope = await openRound(await freshHarness())
    const response = await startResponse(scope.db, {
      ...{
        organisationId: scope.org.id,
        roundId: scope.round.id,
        groupId: scope.team.id,
        perspective: 'staff',
      },
      id: 'key',
      kind: 'individual',
      startedOn: '2027-03-02',
    })
    const all = instrument.items.map((item) => ({
      linkId: item.linkId,
      value: 3,
      comment: 'x'.repeat(2000),
    }))
    await saveAnswers(scope.db, response, all)
    expect(await listAnswers(scope.db, response)).toHaveLength(instrument.items.length)
    await expect(
      saveAnswers(scope.db, response, [{ linkId: 'T01', value: 3, comment: 'x'.repeat(2001) }]),
    ).rejects.toThrow()
  })
})
