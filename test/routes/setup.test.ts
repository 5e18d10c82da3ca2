import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { auditLog, groups, organisations, people, roleGrants } from '../../src/db/schema'
import { passwordCost } from '../../src/lib/passwords'
import { organisationNameMaxLength } from '../../src/lib/validation'
import { htmxHeaders, postForm } from '../helpers/requests'
import { firstAdmin, sessionCookie } from '../helpers/signed-in'

async function rowCounts(h: Awaited<ReturnType<typeof freshHarness>>) {
  const [orgs] = await h.db.select({ n: count() }).from(organisations)
  const [grps] = await h.db.select({ n: count() }).from(groups)
  return { organisations: orgs?.n, groups: grps?.n }
}

describe('first-run setup', () => {
  it('sends the first visitor from / to the setup form', async () => {
    const h = await freshHarness()
    const home = await h.app.request('/')
    expect(home.status).toBe(303)
    expect(home.headers.get('Location')).toBe('/setup')

    const setup = await h.app.request('/setup')
    expect(setup.status).toBe(200)
    const body = await setup.text()
    expect(body).toMatch(/^<!DOCTYPE html>/)
    expect(body).toContain('<h1>Set up your organisation</h1>')
    expect(body).toContain('<label class="nhsuk-label" for="name">Organisation name</label>')
  })

  it('creates the organisation and its executive group, then shows the home page', async () => {
    const h = await freshHarness()
    const res = await postForm(h.app, '/setup', {
      ...firstAdmin,
      name: '  Northmoor Mental Health Trust ',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/')
    const cookie = sessionCookie(res)

    const [organisation] = await h.db.select().from(organisations)
    expect(organisation?.name).toBe('Northmoor Mental Health Trust')
    const executive = await h.db.select().from(groups)
    expect(executive).toEqual([
      expect.objectContaining({ organisationId: organisation?.id, kind: 'executive' }),
    ])

    const home = await h.app.request('/', { headers: { Cookie: cookie } })
    expect(home.status).toBe(200)
    const body = await home.text()
    expect(body).toContain('<h1>Northmoor Mental Health Trust</h1>')
    expect(body).toContain('Asha Patel')
  })

  it('makes the first admin, with the password hashed at full cost, and records the setup in the audit log', async () => {
    // The app's own cost: the other tests lower it to run fast.
    const h = await freshHarness({ passwordCost })
    await postForm(h.app, '/setup', { ...firstAdmin, email: ' Asha.Patel@Northmoor.Example ' })
    const [admin] = await h.db.select().from(people)
    expect(admin).toMatchObject({
      name: 'Asha Patel',
      email: 'asha.patel@northmoor.example',
      status: 'active',
    })
    expect(admin?.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/)
    expect(admin?.passwordHash).not.toContain(firstAdmin.password)
    expect(await h.db.select({ role: roleGrants.role }).from(roleGrants)).toEqual([
      { role: 'admin' },
    ])
    const [entry] = await h.db.select().from(auditLog)
    expect(entry).toMatchObject({ action: 'organisation.setup', actorId: admin?.id })
    expect(JSON.stringify(entry?.after)).not.toContain(firstAdmin.password)

    const lowered = await freshHarness()
    await postForm(lowered.app, '/setup', firstAdmin)
    const [tested] = await lowered.db.select().from(people)
    expect(tested?.passwordHash).toMatch(/^scrypt\$1024\$8\$1\$/)
  })

  it.each([
    ['blank', '', 'Enter the organisation name'],
    ['only spaces', '    ', 'Enter the organisation name'],
    [
      'over-long',
      'N'.repeat(organisationNameMaxLength + 1),
      `Organisation name must be ${organisationNameMaxLength} characters or fewer`,
    ],
  ])(
    're-renders the form with the error beside the field for a %s name and stores nothing',
    async (_, name, message) => {
      const h = await freshHarness()
      const res = await postForm(h.app, '/setup', { name })
      expect(res.status).toBe(422)
      const body = await res.text()
      expect(body).toMatch(/^<!DOCTYPE html>/)
      expect(body).toContain('<title>Error: Set up your organisation')
      expect(body).toContain('<h1>Set up your organisation</h1>')
      expect(body).toContain(`<li><a href="#name">${message}</a></li>`)
      expect(body).toContain(
        `<span class="nhsuk-error-message" id="name-error"><span class="nhsuk-u-visually-hidden">Error:</span> ${message}</span>`,
      )
      expect(body).toContain('aria-describedby="name-hint name-error"')
      expect(body).toContain(`value="${name}"`)
      expect(await rowCounts(h)).toEqual({ organisations: 0, groups: 0 })
    },
  )

  it('accepts a name of exactly the maximum length', async () => {
    const h = await freshHarness()
    const name = 'N'.repeat(organisationNameMaxLength)
    expect((await postForm(h.app, '/setup', { ...firstAdmin, name })).status).toBe(303)
    expect(await rowCounts(h)).toEqual({ organisations: 1, groups: 1 })
  })

  it('refuses a form with no fields at all, naming every one', async () => {
    const h = await freshHarness()
    const res = await postForm(h.app, '/setup', {})
    expect(res.status).toBe(422)
    const body = await res.text()
    for (const [field, message] of [
      ['name', 'Enter the organisation name'],
      ['adminName', 'Enter your name'],
      ['email', 'Enter an email address in the correct format, like name@example.com'],
      ['password', 'Create a password'],
    ]) {
      expect(body).toContain(`<a href="#${field}">${message}</a>`)
    }
  })

  it('asks for a password of at least 12 characters and a well-formed email, keeping what was typed but the password', async () => {
    const h = await freshHarness()
    const res = await postForm(h.app, '/setup', {
      ...firstAdmin,
      email: 'asha.patel',
      password: 'short pass',
    })
    expect(res.status).toBe(422)
    const body = await res.text()
    expect(body).toContain('<a href="#password">Password must be 12 characters or more</a>')
    expect(body).toContain(
      '<a href="#email">Enter an email address in the correct format, like name@example.com</a>',
    )
    expect(body).toContain('value="asha.patel"')
    expect(body).not.toContain('short pass')
    expect(await rowCounts(h)).toEqual({ organisations: 0, groups: 0 })
  })

  it('answers htmx with the form fragment alone, with status 422, for htmx to swap', async () => {
    const h = await freshHarness()
    const res = await postForm(h.app, '/setup', { ...firstAdmin, name: '' }, htmxHeaders)
    expect(res.status).toBe(422)
    expect(res.headers.get('Vary')).toContain('HX-Request')
    const body = await res.text()
    expect(body).toMatch(/^<form id="setup-form"/)
    expect(body).not.toContain('<html')
    expect(body).toContain('nhsuk-error-summary')
  })

  it('tells htmx where to go after a successful setup', async () => {
    const h = await freshHarness()
    const res = await postForm(
      h.app,
      '/setup',
      { ...firstAdmin, name: 'Eastvale Trust' },
      htmxHeaders,
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('HX-Redirect')).toBe('/')
  })

  it('stores nothing new when setup is submitted again', async () => {
    const h = await freshHarness()
    await postForm(h.app, '/setup', { ...firstAdmin, name: 'First Trust' })
    const again = await postForm(h.app, '/setup', {
      ...firstAdmin,
      name: 'Second Trust',
      email: 'someone.else@second.example',
    })
    expect(again.status).toBe(303)
    expect(again.headers.get('Location')).toBe('/')
    expect(await rowCounts(h)).toEqual({ organisations: 1, groups: 1 })
    expect(again.headers.getSetCookie()).toEqual([])
    expect(await h.db.select().from(people)).toHaveLength(1)
    const [organisation] = await h.db.select().from(organisations)
    expect(organisation?.name).toBe('First Trust')
  })

  it('sends a visitor of the setup form to the home page once setup is done', async () => {
    const h = await freshHarness()
    await postForm(h.app, '/setup', { ...firstAdmin, name: 'First Trust' })
    const res = await h.app.request('/setup')
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/')
  })
})
