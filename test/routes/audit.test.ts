import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { auditInsert } from '../../src/db/queries/audit'
import { actionWords, changeWords } from '../../views/pages/audit/audit'
import { createOrganisation, createPerson, knownPassword } from '../helpers/factories'
import { setUpAndSignIn, signInAs } from '../helpers/signed-in'

describe('the audit log page', () => {
  it('says what changed in words: each field from what to what, never raw data', () => {
    expect(
      changeWords(
        { status: 'draft', closesOn: '2027-03-31', anonymityThreshold: 5 },
        { status: 'open', closesOn: '2027-04-30', anonymityThreshold: 5 },
      ),
    ).toBe('status from “draft” to “open”; closes on from “2027-03-31” to “2027-04-30”')
    expect(
      changeWords(null, { name: 'Ward 3', sso: { issuer: 'https://idp', clientId: 'x' } }),
    ).toBe('name “Ward 3”; sso issuer “https://idp”; sso client id “x”')
    expect(changeWords({ name: 'Ward 3', archived: false }, null)).toBe(
      'name was “Ward 3”; archived was no',
    )
    expect(changeWords({ groups: ['a'] }, { groups: [] })).toBe('groups from “a” to none')
    expect(changeWords({ links: 3 }, { links: 3 })).toBe('')
    expect(changeWords(null, { text: 'x'.repeat(1000) }).length).toBe(400)
    expect(actionWords('person.password-link')).toBe('Person password link')
  })

  it('lists entries newest first, filters by action and person, and pages by 50', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const other = await createOrganisation(h.db, { name: 'Other Trust' })
    for (let i = 0; i < 60; i++) {
      await auditInsert(h.db, {
        organisationId: h.organisation.id,
        actorId: null,
        action: 'group.created',
        subjectType: 'group',
        after: { name: `Team ${i}` },
        at: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })
    }
    await auditInsert(h.db, {
      organisationId: other.id,
      actorId: null,
      action: 'group.created',
      subjectType: 'group',
      after: { name: 'Not ours' },
      at: new Date(),
    })

    const first = await (await h.get('/audit?action=group.created')).text()
    expect(first).toContain('60 entries, page 1 of 2')
    expect(first).toContain('name “Team 59”')
    expect(first).not.toContain('“Team 9”')
    expect(first).not.toContain('Not ours')
    const second = await (await h.get('/audit?action=group.created&page=2')).text()
    expect(second).toContain('name “Team 9”')
    expect(second).toContain('Newer entries')

    const setupOnly = await (await h.get('/audit?action=organisation.setup')).text()
    expect(setupOnly).toContain('1 entry, page 1 of 1')
    const byAdmin = await (await h.get(`/audit?actor=${h.signedInId}`)).text()
    expect(byAdmin).toContain('organisation.setup')
    expect(byAdmin).not.toContain('Team 59')
  })

  it('is for admins only', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    await createPerson(h.db, h.organisation.id, {
      email: 'viewer@northmoor.example',
      grants: [{ role: 'viewer' }],
    })
    const viewer = await signInAs(h, 'viewer@northmoor.example', knownPassword)
    expect((await viewer.get('/audit')).status).toBe(403)
    expect(await (await viewer.get('/')).text()).not.toContain('href="/audit"')
    expect(await (await h.get('/')).text()).toContain('href="/audit"')
  })
})
