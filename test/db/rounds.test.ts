import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { createRound, extendRound, getRound, moveRound } from '../../src/db/queries/rounds'
import { auditLog, roundGroups, rounds } from '../../src/db/schema'
import { roundDefaults } from '../../src/instruments/round-defaults'
import { createOrganisation, createTeamRow } from '../helpers/factories'

const settings = {
  name: 'Spring 2027',
  instrumentSlug: 'team-recovery-focus',
  instrumentVersion: 1,
  perspectives: ['staff', 'person-using-service'],
  mode: 'individual' as const,
  opensOn: '2027-03-01',
  closesOn: '2027-03-31',
  ...roundDefaults,
}

async function withTeams(count: number) {
  const { db } = await freshHarness()
  const org = await createOrganisation(db)
  const teams = []
  for (let i = 0; i < count; i++)
    teams.push(await createTeamRow(db, org.id, `Team ${String(i).padStart(3, '0')}`))
  const actor = {
    organisationId: org.id,
    actorId: crypto.randomUUID(),
    at: new Date('2027-02-01T09:00:00Z'),
  }
  return { db, org, teams, actor }
}

describe('round queries', () => {
  it('makes a round for 150 teams in one batch, within D1’s 100 parameters a statement', async () => {
    const { db, org, teams, actor } = await withTeams(150)
    const id = await createRound(
      db,
      actor,
      settings,
      teams.map((t) => t.id),
    )
    const round = await getRound(db, org.id, id)
    expect(round).toMatchObject({
      status: 'draft',
      anonymityThreshold: 5,
      commentThreshold: 10,
      itemMid: 12.5,
      teamMid: 5,
    })
    expect(round?.groups).toHaveLength(150)
    expect(round?.perspectives).toEqual(['staff', 'person-using-service'])
  })

  it('refuses a group of another organisation and stores nothing', async () => {
    const { db, teams, actor } = await withTeams(2)
    const other = await createOrganisation(db, { name: 'Other Trust' })
    const theirs = await createTeamRow(db, other.id, 'Their ward')
    await expect(createRound(db, actor, settings, [teams[0]?.id ?? '', theirs.id])).rejects.toThrow(
      /belong to its organisation/,
    )
    expect(await db.select().from(rounds)).toHaveLength(0)
    expect(await getRound(db, other.id, 'any')).toBeNull()
  })

  it('locks the instrument, mode, thresholds and groups when the round opens', async () => {
    const { db, org, teams, actor } = await withTeams(3)
    const id = await createRound(db, actor, settings, [teams[0]?.id ?? ''])
    const draft = await getRound(db, org.id, id)
    if (!draft) throw new Error('no round')
    const opened = await Promise.all([
      moveRound(db, actor, draft, 'open'),
      moveRound(db, actor, draft, 'open'),
    ])
    expect(opened.sort()).toEqual([false, true])
    expect(await moveRound(db, actor, draft, 'open')).toBe(false)
    const row = and(eq(rounds.organisationId, org.id), eq(rounds.id, id))
    await expect(db.update(rounds).set({ anonymityThreshold: 3 }).where(row)).rejects.toThrow()
    await expect(db.update(rounds).set({ mode: 'consensus' }).where(row)).rejects.toThrow()
    await expect(db.update(rounds).set({ status: 'draft' }).where(row)).rejects.toThrow()
    await expect(
      db
        .insert(roundGroups)
        .values({ roundId: id, groupId: teams[1]?.id ?? '', organisationId: org.id }),
    ).rejects.toThrow()
    expect(
      (await db.select().from(auditLog).where(eq(auditLog.action, 'round.opened'))).length,
    ).toBe(1)
  })

  it('refuses an anonymity threshold below 3 and a comment threshold below 5', async () => {
    const { db, teams, actor } = await withTeams(1)
    await expect(
      createRound(db, actor, { ...settings, anonymityThreshold: 2 }, [teams[0]?.id ?? '']),
    ).rejects.toThrow()
    await expect(
      createRound(db, actor, { ...settings, commentThreshold: 4 }, [teams[0]?.id ?? '']),
    ).rejects.toThrow()
    expect(await db.select().from(rounds)).toHaveLength(0)
  })

  it('extends an open round only to a later date, and closes it once', async () => {
    const { db, org, teams, actor } = await withTeams(1)
    const id = await createRound(db, actor, settings, [teams[0]?.id ?? ''])
    const load = async () => {
      const round = await getRound(db, org.id, id)
      if (!round) throw new Error('no round')
      return round
    }
    expect(await extendRound(db, actor, await load(), '2027-04-30')).toBe(false)
    await moveRound(db, actor, await load(), 'open')
    expect(await extendRound(db, actor, await load(), '2027-03-15')).toBe(false)
    expect(await extendRound(db, actor, await load(), '2027-04-30')).toBe(true)
    expect((await load()).closesOn).toBe('2027-04-30')
    expect(await moveRound(db, actor, await load(), 'close')).toBe(true)
    expect(await moveRound(db, actor, await load(), 'close')).toBe(false)
    expect(await extendRound(db, actor, await load(), '2027-05-31')).toBe(false)
    const actions = (await db.select({ action: auditLog.action }).from(auditLog)).map(
      (a) => a.action,
    )
    expect(actions.sort()).toEqual([
      'round.closed',
      'round.created',
      'round.extended',
      'round.opened',
    ])
  })
})
