import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { completeResponse } from '../../src/db/queries/completion'
import { listAnswers, saveAnswers } from '../../src/db/queries/responses'
import { listComparedFigures, listRoundFigures } from '../../src/db/queries/results'
import { moveRound } from '../../src/db/queries/rounds'
import {
  answers,
  auditLog,
  itemAggregates,
  responses,
  roundFigures,
  rounds,
} from '../../src/db/schema'
import { allPerspectives, comparedKinds } from '../../src/instruments/results'
import { startResponse, teamInstrument } from '../helpers/factories'
import { openRound, respond } from '../helpers/responses'
import { allAnswered } from '../helpers/results'

const instrument = teamInstrument()
const scale = instrument.scales[0]
if (!scale) throw new Error('no scale')

describe('a closed round’s figures, and what the database refuses to change', () => {
  it('keeps a round’s results when it closes, after which nothing more completes', async () => {
    const scope = await openRound(await freshHarness())
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
    const scope = await openRound(await freshHarness())
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
    const scope = await openRound(await freshHarness())
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
    const scope = await openRound(await freshHarness())
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
})
