import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { getExecutiveGroup } from '../../src/db/queries/organisations'
import { auditLog, invitations, itemAggregates, responses, rounds } from '../../src/db/schema'
import { manualClock } from '../helpers/clock'
import {
  createPerson,
  createTeamRow,
  knownPassword,
  teamInstrument,
  validRound,
} from '../helpers/factories'
import { madeLinks, setUpAndSignIn, signInAs } from '../helpers/signed-in'
import { tableRows } from '../helpers/tables'

const setUp = async () =>
  setUpAndSignIn(await freshHarness({ now: manualClock(Date.UTC(2027, 2, 2, 9)).now }))

async function createdRound(
  h: Awaited<ReturnType<typeof setUp>>,
  fields: Record<string, string | string[]>,
) {
  const res = await h.post('/rounds/new', fields)
  expect(res.status).toBe(303)
  return res.headers.get('Location') ?? ''
}

describe('rounds', () => {
  it('creates a round from the form, opens, extends and closes it, each audited', async () => {
    const h = await setUp()
    const team = await createTeamRow(h.db, h.organisation.id, 'Ward 3')
    const path = await createdRound(h, validRound([team.id]))
    const page = await (await h.get(path)).text()
    expect(page).toContain('Spring 2027')
    expect(page).toContain('Open the round')
    expect((await h.post(`${path}/open`)).status).toBe(303)
    expect((await h.post(`${path}/extend`, { closesOn: '2027-03-15' })).status).toBe(422)
    expect((await h.post(`${path}/extend`, { closesOn: '2027-04-30' })).status).toBe(303)
    expect((await h.post(`${path}/close`)).status).toBe(303)
    const [round] = await h.db.select().from(rounds)
    expect(round).toMatchObject({ status: 'closed', closesOn: '2027-04-30' })
    const actions = (await h.db.select().from(auditLog)).map((a) => a.action)
    for (const action of ['round.created', 'round.opened', 'round.extended', 'round.closed'])
      expect(actions).toContain(action)
  })

  it('refuses thresholds below their floors, a window that ends before it starts, and no groups, storing nothing', async () => {
    const h = await setUp()
    const res = await h.post('/rounds/new', {
      ...validRound([]),
      anonymityThreshold: '2',
      commentThreshold: '4',
      closesOn: '2027-02-01',
    })
    expect(res.status).toBe(422)
    const page = await res.text()
    expect(page).toContain('must be at least 3')
    expect(page).toContain('must be at least 5')
    expect(page).toContain('The closing date must be on or after the opening date')
    expect(page).toContain('Choose at least one group')
    expect(page).toContain('value="Spring 2027"')
    expect(await h.db.select().from(rounds)).toHaveLength(0)
  })

  it('lets a team lead run rounds for their own team only', async () => {
    const h = await setUp()
    const own = await createTeamRow(h.db, h.organisation.id, 'Ward 3')
    const other = await createTeamRow(h.db, h.organisation.id, 'Ward 4')
    await createPerson(h.db, h.organisation.id, {
      email: 'lead@northmoor.example',
      grants: [{ role: 'team-lead', groupId: own.id }],
    })
    const lead = await signInAs(h, 'lead@northmoor.example', knownPassword)
    const refused = await lead.post('/rounds/new', validRound([own.id, other.id]))
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('Choose groups from the list')
    const mine = await lead.post('/rounds/new', validRound([own.id]))
    expect(mine.status).toBe(303)
    const adminRound = await createdRound(h, validRound([own.id, other.id]))
    expect((await lead.post(`${adminRound}/open`)).status).toBe(403)
    expect((await lead.post(`${mine.headers.get('Location')}/open`)).status).toBe(303)
    // In a round shared with another team, a team lead sees their own team's participation only.
    expect((await h.post(`${adminRound}/open`)).status).toBe(303)
    const groupsIn = async (page: Response) =>
      (tableRows(await page.text(), 'Participation by group') ?? []).map((row) => row[0])
    expect(await groupsIn(await lead.get(adminRound))).toEqual(['Ward 3'])
    expect(await groupsIn(await h.get(adminRound))).toEqual(['Ward 3', 'Ward 4'])
  })

  it('makes single-use links shown once, stored only as digests, downloadable as CSV', async () => {
    const h = await setUp()
    const team = await createTeamRow(h.db, h.organisation.id, 'Ward 3')
    const path = await createdRound(h, validRound([team.id]))
    await h.post(`${path}/open`)
    const { kept, page, codes } = await madeLinks(h, path, {
      groupId: team.id,
      perspective: 'staff',
      count: '3',
    })
    expect(page.status).toBe(200)
    expect(page.headers.get('Cache-Control')).toBe('no-store')
    expect(codes).toHaveLength(3)
    const stored = await h.db.select().from(invitations)
    expect(stored).toHaveLength(3)
    for (const row of stored) expect(codes).not.toContain(row.tokenHash)
    const csv = await h.get(`${kept}/csv`)
    expect(csv.headers.get('Content-Type')).toContain('text/csv')
    const lines = (await csv.text()).trim().split('\r\n')
    expect(lines[0]).toBe('round,group,perspective,code,link')
    expect(lines).toHaveLength(4)
    expect(lines[1]).toContain('Ward 3')
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual(codes)
    const tooMany = await h.post(`${path}/invitations`, {
      groupId: team.id,
      perspective: 'staff',
      count: '501',
    })
    expect(tooMany.status).toBe(422)
    expect(await tooMany.text()).toContain('Make at most 500 links at a time')
  })

  it('shows participation as fewer than k while open, and the number once closed', async () => {
    const h = await setUp()
    const team = await createTeamRow(h.db, h.organisation.id, 'Ward 3')
    const path = await createdRound(h, validRound([team.id]))
    await h.post(`${path}/open`)
    const {
      codes: [token],
    } = await madeLinks(h, path, { groupId: team.id, perspective: 'staff', count: '2' })
    await h.post(`/r/${token}/domains/1`, { 'answer-T01': '4', go: 'next' })
    await h.post(`/r/${token}/submit`)
    const open = await (await h.get(path)).text()
    expect(open).toContain('fewer than 5')
    expect(open).not.toMatch(/>1<\/td>/)
    await h.post(`${path}/close`)
    expect(await (await h.get(path)).text()).toMatch(/>1<\/td>/)
  })

  it('lets the right facilitator record a consensus once, and no one else', async () => {
    const h = await setUp()
    const team = await createTeamRow(h.db, h.organisation.id, 'Ward 3')
    const other = await createTeamRow(h.db, h.organisation.id, 'Ward 4')
    const executive = await getExecutiveGroup(h.db, h.organisation.id)
    const path = await createdRound(h, {
      ...validRound([team.id, other.id, executive?.id ?? '']),
      mode: 'consensus',
      perspectives: ['staff'],
    })
    await h.post(`${path}/open`)
    await createPerson(h.db, h.organisation.id, {
      email: 'lead@northmoor.example',
      grants: [{ role: 'team-lead', groupId: team.id }],
    })
    await createPerson(h.db, h.organisation.id, {
      email: 'strategy@northmoor.example',
      grants: [{ role: 'strategy-lead' }],
    })
    const lead = await signInAs(h, 'lead@northmoor.example', knownPassword)
    const strategy = await signInAs(h, 'strategy@northmoor.example', knownPassword)
    const mine = `${path}/consensus/${team.id}`
    expect((await lead.get(`${mine}/domains/1`)).status).toBe(200)
    expect((await lead.get(`${path}/consensus/${other.id}/domains/1`)).status).toBe(403)
    expect((await strategy.get(`${mine}/domains/1`)).status).toBe(403)
    expect((await strategy.get(`${path}/consensus/${executive?.id}/domains/1`)).status).toBe(200)
    const saved = await lead.post(`${mine}/domains/1`, {
      'answer-T01': '4',
      'comment-T01': 'Seen in three care plans',
      'dissent-T01': 'One member rated it 3',
      go: 'next',
    })
    expect(saved.status).toBe(303)
    expect((await lead.post(`${mine}/submit`)).status).toBe(303)
    expect(await (await lead.post(`${mine}/submit`)).text()).toContain('Already completed')
    const [record] = await h.db.select().from(responses)
    expect(record).toMatchObject({ kind: 'consensus', status: 'completed', groupId: team.id })
    const [t01] = await h.db
      .select()
      .from(itemAggregates)
      .where(and(eq(itemAggregates.groupId, team.id), eq(itemAggregates.linkId, 'T01')))
    expect(t01).toMatchObject({ n: 1, sum: 4 })
    expect(teamInstrument().items.some((i) => i.linkId === 'T01')).toBe(true)
  })
})
