import { and, eq, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import type { Db } from '../../src/db/client'
import { completeResponse } from '../../src/db/queries/completion'
import { createInvitations, getInvitation, responseIdOf } from '../../src/db/queries/invitations'
import { listAnswers, type SavedAnswer, saveAnswers } from '../../src/db/queries/responses'
import { listComparedFigures, listRoundFigures } from '../../src/db/queries/results'
import { moveRound } from '../../src/db/queries/rounds'
import {
  answers,
  auditLog,
  invitations,
  itemAggregates,
  respondentScores,
  responses,
  roundFigures,
  rounds,
  scoreAggregates,
} from '../../src/db/schema'
import { allPerspectives, comparedKinds, totalMeasure } from '../../src/instruments/results'
import { type Answers, aggregateGroup, normalise } from '../../src/instruments/scoring'
import { summaryFromSums } from '../../src/instruments/statistics'
import {
  createOrganisation,
  createRoundRow,
  createTeamRow,
  startResponse,
  teamInstrument,
} from '../helpers/factories'
import { allAnswered } from '../helpers/results'
import { answersFor } from '../instruments/arbitraries'

const instrument = teamInstrument()
const scale = instrument.scales[0]
if (!scale) throw new Error('no scale')

async function openRound() {
  const { db } = await freshHarness()
  const org = await createOrganisation(db)
  const team = await createTeamRow(db, org.id, 'Ward 3')
  const round = await createRoundRow(db, org.id, [team.id])
  const actor = { organisationId: org.id, actorId: crypto.randomUUID(), at: new Date() }
  return { db, org, team, round, actor }
}

const asSaved = (given: Answers): SavedAnswer[] =>
  Object.entries(given).flatMap(([linkId, value]) =>
    value === undefined ? [] : [{ linkId, value, comment: null }],
  )

async function respond(
  db: Db,
  scope: Awaited<ReturnType<typeof openRound>>,
  given: Answers,
): Promise<void> {
  const [link] = await createInvitations(db, scope.actor, scope.round.id, [
    { groupId: scope.team.id, perspective: 'staff', count: 1 },
  ])
  if (!link) throw new Error('no link')
  const response = await startResponse(db, {
    ...{
      organisationId: scope.org.id,
      roundId: scope.round.id,
      groupId: scope.team.id,
      perspective: 'staff',
    },
    id: await responseIdOf(link.token),
    kind: 'individual',
    startedOn: '2027-03-02',
  })
  await saveAnswers(db, response, asSaved(given))
  expect(await completeResponse(db, instrument, response, '2027-03-02')).toBe(true)
}

describe('responses and their aggregates', () => {
  it('keeps item and score aggregates equal to scoring every response afresh', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(answersFor(instrument), { minLength: 1, maxLength: 6 }),
        async (all) => {
          const scope = await openRound()
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
    const scope = await openRound()
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

  it('keeps a round’s results when it closes, after which nothing more completes', async () => {
    const scope = await openRound()
    const { db, org, round, team } = scope
    const target = (id: string) => ({
      organisationId: org.id,
      roundId: round.id,
      groupId: team.id,
      perspective: 'staff',
      id,
      kind: 'individual' as const,
      startedOn: '2027-03-02',
    })
    const early = await startResponse(db, target('early'))
    await saveAnswers(db, target('early'), [{ linkId: 'T01', value: 4, comment: null }])
    const late = await startResponse(db, target('late'))
    await saveAnswers(db, target('late'), [{ linkId: 'T01', value: 1, comment: null }])
    expect(await completeResponse(db, instrument, early, '2027-03-03')).toBe(true)
    await moveRound(db, scope.actor, round, 'close')
    expect(await completeResponse(db, instrument, late, '2027-04-01')).toBe(false)
    // A link's late submission neither completes nor moves the answers saved under its key.
    expect(await completeResponse(db, instrument, late, '2027-04-01', 'a-link-digest')).toBe(false)
    expect(await listAnswers(db, late)).toEqual([
      { linkId: 'T01', value: 1, comment: null, dissent: null },
    ])
    const kept = await db.select().from(roundFigures)
    const pooled = (kind: string, key: string) =>
      kept.find((f) => f.perspective === allPerspectives && f.kind === kind && f.key === key)
    expect(pooled('responses', '')).toMatchObject({ groupId: team.id, n: 1 })
    expect(pooled('total', '')).toMatchObject({ n: 0, insufficient: 1 })
    expect(pooled('item', 'T01')).toMatchObject({ n: 1, sum: 4, sumOfSquares: 16 })
    const [t01] = await db.select().from(itemAggregates).where(eq(itemAggregates.linkId, 'T01'))
    expect(t01).toMatchObject({ n: 1, sum: 4 })
  })

  it('keeps a round’s figures only once it has closed, and then refuses any change to them', async () => {
    const scope = await openRound()
    const { db, org, round, team } = scope
    await respond(db, scope, allAnswered(instrument, 4))
    expect(await listRoundFigures(db, org.id, { roundIds: [round.id] })).toEqual([])
    await moveRound(db, scope.actor, round, 'close')
    const figures = await listRoundFigures(db, org.id, { roundIds: [round.id] })
    const total = figures.filter((f) => f.kind === 'total')
    expect(total.map((f) => f.perspective).sort()).toEqual([allPerspectives, 'staff'])
    expect(total[0]).toMatchObject({ groupId: team.id, n: 1, sum: 75, insufficient: 0 })
    expect(figures.filter((f) => f.kind === 'item' && f.perspective === 'staff')).toHaveLength(
      instrument.items.length,
    )
    expect(await listRoundFigures(db, crypto.randomUUID(), { roundIds: [round.id] })).toEqual([])
    const where = sql`round_id = ${round.id} and kind = 'total'`
    await expect(db.run(sql`update round_figures set n = 99 where ${where}`)).rejects.toThrow()
    await expect(db.run(sql`delete from round_figures where ${where}`)).rejects.toThrow()
    await expect(
      db.run(
        sql`insert or replace into round_figures select organisation_id, round_id, group_id, perspective, kind, key, 99, 0, 0, 0, 0, 0 from round_figures where ${where}`,
      ),
    ).rejects.toThrow()
    await moveRound(db, scope.actor, round, 'close')
    expect(await listRoundFigures(db, org.id, { roundIds: [round.id] })).toEqual(figures)
  })

  it('keeps what a comparison reads of each group at close, exactly the figures of everyone together, and refuses any change to it', async () => {
    const scope = await openRound()
    const { db, org, round, team } = scope
    await respond(db, scope, allAnswered(instrument, 4))
    await respond(db, scope, allAnswered(instrument, 2))
    const compared = () => listComparedFigures(db, org.id, [round.id])
    expect((await compared()).get(round.id)?.size).toBe(0)
    await moveRound(db, scope.actor, round, 'close')
    const whole = (await listRoundFigures(db, org.id, { roundIds: [round.id] }))
      .filter(
        (f) =>
          f.perspective === allPerspectives &&
          (comparedKinds as readonly string[]).includes(f.kind),
      )
      .map(({ perspective, kind, key, n, sum, sumOfSquares }) => ({
        perspective,
        kind,
        key,
        n,
        sum,
        sumOfSquares,
      }))
    const sortedByKey = <T extends { kind: string; key: string }>(rows: readonly T[]) =>
      [...rows].sort((a, b) => `${a.kind}|${a.key}`.localeCompare(`${b.kind}|${b.key}`))
    const kept = (await compared()).get(round.id)
    expect([...(kept?.keys() ?? [])]).toEqual([team.id])
    expect(whole).toHaveLength(2 + instrument.items.length)
    expect(sortedByKey(kept?.get(team.id) ?? [])).toEqual(sortedByKey(whole))
    expect(
      (await listComparedFigures(db, crypto.randomUUID(), [round.id])).get(round.id)?.size,
    ).toBe(0)
    const where = sql`round_id = ${round.id}`
    await expect(
      db.run(sql`update compared_figures set figures = '[]' where ${where}`),
    ).rejects.toThrow()
    await expect(db.run(sql`delete from compared_figures where ${where}`)).rejects.toThrow()
    await expect(
      db.run(
        sql`insert or replace into compared_figures select organisation_id, round_id, group_id, '[]' from compared_figures where ${where}`,
      ),
    ).rejects.toThrow()
    await moveRound(db, scope.actor, round, 'close')
    expect(await compared()).toEqual(new Map([[round.id, kept]]))
  })

  it('refuses to replace, change or delete what is guarded: a submitted response and its answers, an opened round, an audit entry', async () => {
    const scope = await openRound()
    const { db, round } = scope
    await respond(db, scope, allAnswered(instrument, 4))
    await db.run(sql`insert into audit_log (id, organisation_id, at, action, subject_type)
      values ('entry-1', ${scope.org.id}, '2027-03-02T00:00:00Z', 'round.opened', 'round')`)
    await moveRound(db, scope.actor, round, 'close')
    const [completed] = await db.select().from(responses)
    const kept = {
      responses: await db.select().from(responses),
      answers: await db.select().from(answers),
      rounds: await db.select().from(rounds),
      audit: await db.select().from(auditLog),
    }
    expect(completed?.status).toBe('completed')
    const id = completed?.id ?? ''
    // A replacement of the submitted response is passed over: it stays as it was.
    await db.run(
      sql`insert or replace into responses (id, organisation_id, round_id, group_id, perspective, kind, status, started_on) select id, organisation_id, round_id, group_id, perspective, kind, 'in-progress', started_on from responses where id = ${id}`,
    )
    await expect(db.run(sql`delete from responses where id = ${id}`)).rejects.toThrow()
    await expect(db.run(sql`delete from answers where response_id = ${id}`)).rejects.toThrow()
    await expect(
      db.run(sql`update answers set value = 1 where response_id = ${id}`),
    ).rejects.toThrow()
    await expect(
      db.run(
        sql`insert or replace into answers (response_id, link_id, organisation_id, value) select response_id, link_id, organisation_id, 1 from answers where response_id = ${id}`,
      ),
    ).rejects.toThrow()
    await expect(
      db.run(sql`insert or replace into rounds select * from rounds where id = ${round.id}`),
    ).rejects.toThrow()
    await expect(db.run(sql`delete from rounds where id = ${round.id}`)).rejects.toThrow()
    await expect(
      db.run(sql`insert or replace into audit_log (id, organisation_id, at, action, subject_type)
        values ('entry-1', ${scope.org.id}, '2027-03-03T00:00:00Z', 'nothing happened', 'round')`),
    ).rejects.toThrow()
    expect({
      responses: await db.select().from(responses),
      answers: await db.select().from(answers),
      rounds: await db.select().from(rounds),
      audit: await db.select().from(auditLog),
    }).toEqual(kept)
  })

  it('makes 500 links in one batch within D1’s parameter limit, each found only by its token', async () => {
    const scope = await openRound()
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
    const scope = await openRound()
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
