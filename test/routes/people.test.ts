import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { getPerson } from '../../src/db/queries/people'
import { auditLog, people, roleGrants } from '../../src/db/schema'
import { manualClock } from '../helpers/clock'
import {
  createOrganisation,
  createPerson,
  createTeamRow,
  knownPassword,
} from '../helpers/factories'
import { postForm } from '../helpers/requests'
import { firstAdmin, sessionCookie, setUpAndSignIn, signInAs } from '../helpers/signed-in'

const linkIn = (html: string) =>
  /<code id="password-link">http:\/\/localhost(\/set-password\/[A-Za-z0-9_-]{43})<\/code>/.exec(
    html,
  )?.[1] ?? ''

/** The set-password link on the page a form's redirect leads to. */
async function linkAfter(
  h: { get: (path: string) => Response | Promise<Response> },
  made: Response,
) {
  expect(made.status).toBe(303)
  return linkIn(await (await h.get(made.headers.get('Location') ?? '')).text())
}

async function setUp() {
  const clock = manualClock()
  const h = await setUpAndSignIn(await freshHarness({ now: clock.now }))
  const team = await createTeamRow(h.db, h.organisation.id, 'Willow Ward')
  return { ...h, clock, team }
}

describe('people and roles', () => {
  it('shows a set-password link again to the admin who made it for 24 hours, and to nobody else', async () => {
    const h = await setUp()
    const added = await h.post('/people/new', {
      name: 'Sam Jones',
      email: 'sam.jones@northmoor.example',
      role: 'viewer',
    })
    const kept = added.headers.get('Location') ?? ''
    const link = await linkAfter(h, added)
    expect(link).toMatch(/^\/set-password\//)
    const reloaded = await h.get(kept)
    expect(reloaded.headers.get('Cache-Control')).toBe('no-store')
    expect(linkIn(await reloaded.text())).toBe(link)
    const [sam] = await h.db
      .select()
      .from(people)
      .where(eq(people.email, 'sam.jones@northmoor.example'))
    expect(await (await h.get(`/people/${sam?.id}`)).text()).toContain(`href="${kept}"`)

    await createPerson(h.db, h.organisation.id, {
      email: 'second.admin@northmoor.example',
      grants: [{ role: 'admin' }],
    })
    const other = await signInAs(h, 'second.admin@northmoor.example', knownPassword)
    const refused = await other.get(kept)
    expect(refused.status).toBe(410)
    expect(linkIn(await refused.text())).toBe('')
    expect(await (await other.get(`/people/${sam?.id}`)).text()).not.toContain(kept)

    h.clock.advance(24 * 60 + 1)
    const nextDay = await signInAs(h, firstAdmin.email, firstAdmin.password)
    const late = await nextDay.get(kept)
    expect(late.status).toBe(410)
    expect(await late.text()).toContain('The link itself still works for 7 days')
    expect((await h.app.request(link)).status).toBe(200)
  })

  it('adds a person with a one-time link to set a password, which signs them in once', async () => {
    const h = await setUp()
    const added = await h.post('/people/new', {
      name: 'Sam Jones',
      email: 'Sam.Jones@northmoor.example',
      role: 'team-lead',
      groupId: h.team.id,
    })
    const link = await linkAfter(h, added)
    expect(link).not.toBe('')
    const [sam] = await h.db
      .select()
      .from(people)
      .where(eq(people.email, 'sam.jones@northmoor.example'))
    expect(sam).toMatchObject({ status: 'invited', passwordHash: null })

    expect((await h.app.request(link)).status).toBe(200)
    const mismatch = await postForm(h.app, link, {
      password: 'a long new password',
      confirm: 'something else',
    })
    expect(mismatch.status).toBe(422)
    expect(await mismatch.text()).toContain('The two passwords are not the same')
    const set = await postForm(h.app, link, {
      password: 'a long new password',
      confirm: 'a long new password',
    })
    expect(set.status).toBe(303)
    const home = await h.app.request('/', { headers: { Cookie: sessionCookie(set) } })
    expect(await home.text()).toContain('Sam Jones')
    expect(
      (await postForm(h.app, link, { password: 'another password!', confirm: 'another password!' }))
        .status,
    ).toBe(404)
    // A password set from a new link ends the sessions of the old one.
    const again = await linkAfter(h, await h.post(`/people/${sam?.id}/password-link`))
    expect(again).toMatch(/^\/set-password\//)
    const reset = await postForm(h.app, again, {
      password: 'a third long password',
      confirm: 'a third long password',
    })
    expect(reset.status).toBe(303)
    const before = await h.app.request('/', { headers: { Cookie: sessionCookie(set) } })
    expect(before.status).toBe(303)
    expect(before.headers.get('Location')).toContain('/sign-in')
    const after = await h.app.request('/', { headers: { Cookie: sessionCookie(reset) } })
    expect(await after.text()).toContain('Sam Jones')
    expect(
      (
        await postForm(h.app, '/sign-in', {
          email: 'sam.jones@northmoor.example',
          password: 'a third long password',
        })
      ).status,
    ).toBe(303)
  })

  it('refuses an expired link', async () => {
    const h = await setUp()
    const added = await h.post('/people/new', {
      name: 'Sam Jones',
      email: 'sam@northmoor.example',
      role: 'viewer',
    })
    const link = await linkAfter(h, added)
    h.clock.advance(8 * 24 * 60)
    const res = await h.app.request(link)
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('It has been used already or has expired')
  })

  it('asks for a team for a team lead, and refuses an email that has an account', async () => {
    const h = await setUp()
    const noTeam = await h.post('/people/new', {
      name: 'Sam Jones',
      email: 'sam@northmoor.example',
      role: 'team-lead',
    })
    expect(noTeam.status).toBe(422)
    expect(await noTeam.text()).toContain('Choose the team they lead')
    const taken = await h.post('/people/new', {
      name: 'Asha again',
      email: 'asha.patel@northmoor.example',
      role: 'viewer',
    })
    expect(taken.status).toBe(422)
    const ours = await taken.text()
    expect(ours).toContain('This email address cannot be given a new account')
    const other = await createOrganisation(h.db, { name: 'Elsewhere Trust' })
    await createPerson(h.db, other.id, { email: 'kim@elsewhere.example', name: 'Kim Elsewhere' })
    const theirs = await h.post('/people/new', {
      name: 'Kim',
      email: 'kim@elsewhere.example',
      role: 'viewer',
    })
    expect(theirs.status).toBe(422)
    const message = (page: string) => /cannot be given a new account[^<]*/.exec(page)?.[0]
    expect(message(await theirs.text())).toBe(message(ours))
    expect((await h.db.select().from(people)).map((p) => p.email).sort()).toEqual([
      'asha.patel@northmoor.example',
      'kim@elsewhere.example',
    ])
  })

  it('gives and removes roles, each audited', async () => {
    const h = await setUp()
    const sam = await createPerson(h.db, h.organisation.id, { email: 'sam@northmoor.example' })
    await h.post(`/people/${sam.id}/roles`, { role: 'strategy-lead' })
    await h.post(`/people/${sam.id}/roles`, { role: 'strategy-lead' })
    const person = await getPerson(h.db, h.organisation.id, sam.id)
    expect(person?.grants.map((g) => g.role)).toEqual(['strategy-lead'])
    await h.post(`/people/${sam.id}/roles/${person?.grants[0]?.id}/revoke`)
    expect((await getPerson(h.db, h.organisation.id, sam.id))?.grants).toEqual([])
    const actions = (await h.db.select().from(auditLog).where(eq(auditLog.subjectId, sam.id))).map(
      (a) => a.action,
    )
    expect(actions.sort()).toEqual(['role.granted', 'role.revoked'])
  })

  it('disables a person, which ends their sessions at once', async () => {
    const h = await setUp()
    const sam = await createPerson(h.db, h.organisation.id, {
      email: 'sam@northmoor.example',
      grants: [{ role: 'viewer' }],
    })
    const asSam = await signInAs(h, sam.email, knownPassword)
    expect((await asSam.get('/')).status).toBe(200)
    expect((await h.post(`/people/${sam.id}/disable`)).status).toBe(303)
    expect((await asSam.get('/')).status).toBe(303)
    expect(
      (await postForm(h.app, '/sign-in', { email: sam.email, password: knownPassword })).status,
    ).toBe(422)
    expect(
      (await h.db.select().from(auditLog).where(eq(auditLog.action, 'person.disabled'))).length,
    ).toBe(1)
    const self = (
      await h.db.select().from(people).where(eq(people.email, 'asha.patel@northmoor.example'))
    )[0]
    expect((await h.post(`/people/${self?.id}/disable`)).status).toBe(409)
  })

  it('never shows or changes a person of another organisation', async () => {
    const h = await setUp()
    const other = await createOrganisation(h.db, { name: 'Other Trust' })
    const stranger = await createPerson(h.db, other.id, { email: 'stranger@other.example' })
    expect((await h.get(`/people/${stranger.id}`)).status).toBe(404)
    expect((await h.post(`/people/${stranger.id}/disable`)).status).toBe(404)
    expect(await (await h.get('/people')).text()).not.toContain('stranger@other.example')
  })

  it('never leaves the organisation without an active admin, one change or two at once', async () => {
    const h = await setUp()
    const own = (await getPerson(h.db, h.organisation.id, h.signedInId))?.grants.find(
      (g) => g.role === 'admin',
    )
    const refused = await h.post(`/people/${h.signedInId}/roles/${own?.id}/revoke`)
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain(
      'is the organisation’s only active admin, so you cannot take away their admin role',
    )
    const admins = async () =>
      (await h.db.select().from(roleGrants)).filter((g) => g.role === 'admin').length
    expect(await admins()).toBe(1)
    const { id: otherId } = await createPerson(h.db, h.organisation.id, {
      email: 'second.admin@northmoor.example',
      name: 'Second Admin',
      grants: [{ role: 'admin' }],
    })
    const other = await signInAs(h, 'second.admin@northmoor.example', knownPassword)
    const theirs = (await getPerson(h.db, h.organisation.id, otherId))?.grants[0]
    // Each admin takes away their own admin role at the same moment: one of them keeps it.
    const both = await Promise.all([
      h.post(`/people/${h.signedInId}/roles/${own?.id}/revoke`),
      other.post(`/people/${otherId}/roles/${theirs?.id}/revoke`),
    ])
    expect(both.map((r) => r.status).sort()).toEqual([303, 409])
    expect(await admins()).toBe(1)
    const revoked = (await h.db.select().from(auditLog)).filter((a) => a.action === 'role.revoked')
    expect(revoked).toHaveLength(1)
  })

  it('refuses two admins disabling each other at once from leaving nobody to manage', async () => {
    const h = await setUp()
    const { id: otherId } = await createPerson(h.db, h.organisation.id, {
      email: 'second.admin@northmoor.example',
      name: 'Second Admin',
      grants: [{ role: 'admin' }],
    })
    const other = await signInAs(h, 'second.admin@northmoor.example', knownPassword)
    const both = await Promise.all([
      h.post(`/people/${otherId}/disable`),
      other.post(`/people/${h.signedInId}/disable`),
    ])
    const active = (await h.db.select().from(people)).filter((p) => p.status === 'active')
    expect(active).toHaveLength(1)
    const grants = await h.db.select().from(roleGrants)
    expect(grants.some((g) => g.role === 'admin' && g.personId === active[0]?.id)).toBe(true)
    // Each answer is the change made, the refusal, or (for the one disabled first) sign-in again.
    for (const r of both) expect([303, 409]).toContain(r.status)
  })
})
