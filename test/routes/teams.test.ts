import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { listGroupings, listTeams } from '../../src/db/queries/groups'
import {
  actionPriorities,
  auditLog,
  groupings,
  groups,
  instruments,
  invitations,
  people,
  responses,
  roleGrants,
  rounds,
} from '../../src/db/schema'
import {
  createOrganisation,
  createPerson,
  createRoundRow,
  createTeamRow,
  knownPassword,
} from '../helpers/factories'
import { registeredPaths } from '../helpers/routes'
import { setUpAndSignIn, signInAs } from '../helpers/signed-in'

const setUp = async () => setUpAndSignIn(await freshHarness())

describe('teams', () => {
  it('lets an admin add a team with its type, service line and predecessor, and audits it', async () => {
    const h = await setUp()
    expect(
      (await h.post('/teams/groupings/new', { kind: 'service-line', name: 'Adult community' }))
        .status,
    ).toBe(303)
    const [line] = await listGroupings(h.db, h.organisation.id)
    const old = await createTeamRow(h.db, h.organisation.id, 'Riverside CMHT')
    const res = await h.post('/teams/new', {
      name: 'Riverside and Weir CMHT',
      teamType: 'community',
      groupingId: line?.id ?? '',
      predecessorId: old.id,
    })
    expect(res.status).toBe(303)
    const team = (await listTeams(h.db, h.organisation.id)).find(
      (t) => t.name === 'Riverside and Weir CMHT',
    )
    expect(team).toMatchObject({
      teamType: 'community',
      grouping: 'Adult community',
      predecessor: 'Riverside CMHT',
    })
    expect(res.headers.get('Location')).toBe(`/teams/${team?.id}`)
    expect(team?.id).toMatch(/^[0-9a-f-]{36}$/)
    const page = await (await h.get(`/teams/${team?.id}`)).text()
    expect(page).toContain('Adult community')
    const actions = (await h.db.select({ action: auditLog.action }).from(auditLog)).map(
      (a) => a.action,
    )
    expect(actions).toEqual(expect.arrayContaining(['grouping.created', 'group.created']))
  })

  it('re-renders the form with every problem and stores nothing', async () => {
    const h = await setUp()
    const other = await createOrganisation(h.db, { name: 'Other Trust' })
    const theirs = await createTeamRow(h.db, other.id, 'Their ward')
    const res = await h.post('/teams/new', { name: ' ', teamType: '' })
    expect(res.status).toBe(422)
    const body = await res.text()
    expect(body).toContain('<a href="#name">Enter the team name</a>')
    expect(body).toContain('<a href="#teamType">Choose the type of team</a>')
    const foreign = await h.post('/teams/new', {
      name: 'Ward 9',
      teamType: 'inpatient',
      predecessorId: theirs.id,
    })
    expect(foreign.status).toBe(422)
    expect(await foreign.text()).toContain('Choose an earlier team from the list')
    expect(await listTeams(h.db, h.organisation.id)).toEqual([])
  })

  it('refuses names holding NUL or marks that reverse text, and keeps names in any script', async () => {
    const h = await setUp()
    for (const name of ['Ward\u0000A', '\u202eA draW', 'Ward \u2066B\u2069', 'Ward\u0007']) {
      const res = await h.post('/teams/new', { name, teamType: 'inpatient' })
      expect(res.status, JSON.stringify(name)).toBe(422)
      expect(await res.text()).toContain('Remove the hidden characters from this field')
    }
    expect(await listTeams(h.db, h.organisation.id)).toEqual([])
    for (const name of ['جناح الأمل', 'Ward ‏א‎ 3', 'Zoë’s ward'])
      expect((await h.post('/teams/new', { name, teamType: 'inpatient' })).status, name).toBe(303)
    expect((await listTeams(h.db, h.organisation.id)).map((t) => t.name).sort()).toEqual(
      ['جناح الأمل', 'Ward ‏א‎ 3', 'Zoë’s ward'].sort(),
    )
  })

  it('renames a team with before and after in the audit log, and archives it once', async () => {
    const h = await setUp()
    const team = await createTeamRow(h.db, h.organisation.id, 'Ward 3')
    await h.post(`/teams/${team.id}/edit`, { name: 'Willow Ward', teamType: 'inpatient' })
    const [updated] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'group.updated'))
    expect(updated).toMatchObject({
      before: expect.objectContaining({ name: 'Ward 3', teamType: 'community' }),
      after: expect.objectContaining({ name: 'Willow Ward', teamType: 'inpatient' }),
    })
    await h.post(`/teams/${team.id}/archive`)
    await h.post(`/teams/${team.id}/archive`)
    const archived = await h.db.select().from(auditLog).where(eq(auditLog.action, 'group.archived'))
    expect(archived).toHaveLength(1)
    const body = await (await h.get('/teams')).text()
    expect(body).toContain('Archived teams')
    expect(await h.db.select().from(groups).where(eq(groups.id, team.id))).toHaveLength(1)
  })

  it('never shows another organisation’s team', async () => {
    const h = await setUp()
    const other = await createOrganisation(h.db, { name: 'Other Trust' })
    const theirs = await createTeamRow(h.db, other.id, 'Their ward')
    expect((await h.get(`/teams/${theirs.id}`)).status).toBe(404)
    expect((await h.post(`/teams/${theirs.id}/archive`)).status).toBe(404)
    expect(await (await h.get('/teams')).text()).not.toContain('Their ward')
  })
})

describe('roles', () => {
  it('lets a team lead see their own team only, and change neither', async () => {
    const h = await setUp()
    const mine = await createTeamRow(h.db, h.organisation.id, 'Willow Ward')
    const other = await createTeamRow(h.db, h.organisation.id, 'Oak Ward')
    await createPerson(h.db, h.organisation.id, {
      email: 'lead@northmoor.example',
      grants: [{ role: 'team-lead', groupId: mine.id }],
    })
    const lead = await signInAs(h, 'lead@northmoor.example', knownPassword)
    const list = await (await lead.get('/teams')).text()
    expect(list).toContain('Willow Ward')
    expect(list).not.toContain('Oak Ward')
    expect((await lead.get(`/teams/${mine.id}`)).status).toBe(200)
    expect((await lead.get(`/teams/${other.id}`)).status).toBe(403)
    for (const team of [mine, other]) {
      expect(
        (await lead.post(`/teams/${team.id}/edit`, { name: 'Renamed', teamType: 'crisis' })).status,
      ).toBe(403)
      expect((await lead.post(`/teams/${team.id}/archive`)).status).toBe(403)
    }
    expect((await listTeams(h.db, h.organisation.id)).map((t) => t.name)).toEqual([
      'Oak Ward',
      'Willow Ward',
    ])
  })

  it('lets a viewer change nothing, on any route that changes things', async () => {
    const h = await setUp()
    const team = await createTeamRow(h.db, h.organisation.id, 'Willow Ward')
    await createPerson(h.db, h.organisation.id, {
      email: 'viewer@northmoor.example',
      grants: [{ role: 'viewer' }],
    })
    const viewer = await signInAs(h, 'viewer@northmoor.example', knownPassword)
    const round = await createRoundRow(h.db, h.organisation.id, [team.id], { mode: 'consensus' })
    const tables = [
      groups,
      groupings,
      people,
      roleGrants,
      instruments,
      rounds,
      invitations,
      responses,
      actionPriorities,
    ]
    const counts = async () =>
      Promise.all(tables.map(async (t) => (await h.db.select({ n: count() }).from(t))[0]?.n))
    const before = await counts()
    const params = {
      slug: 'org-recovery-exec',
      version: '1',
      linkId: 'E01',
      groupId: team.id,
      n: '1',
    }
    const writes = [
      ...registeredPaths(h.app, 'POST', { ...params, id: team.id }).filter(
        (p) => !p.startsWith('/rounds/'),
      ),
      ...registeredPaths(h.app, 'POST', { ...params, id: round.id }).filter((p) =>
        p.startsWith('/rounds/'),
      ),
    ].filter((path) => path !== '/session/extend') // keeping one's own session going changes no data
    expect(writes.length).toBeGreaterThanOrEqual(8)
    for (const path of new Set(writes)) {
      const res = await viewer.post(path, {
        name: 'Changed',
        teamType: 'crisis',
        title: 'x',
        description: 'y',
        kind: 'locality',
      })
      expect([path, res.status]).toEqual([path, 403])
    }
    expect(await counts()).toEqual(before)
  })
})
