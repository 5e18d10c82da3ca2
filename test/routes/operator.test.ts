import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { operatorActorId } from '../../src/db/queries/audit'
import { createOperatorSession } from '../../src/db/queries/operator'
import { auditLog, operatorSessions, organisations, people } from '../../src/db/schema'
import { hashToken } from '../../src/db/tokens'
import type { Harness } from '../harness/types'
import {
  adminLinkIn,
  operatorCookie,
  operatorEmail,
  operatorToken,
  signInOperator,
} from '../helpers/operator'
import { postForm } from '../helpers/requests'
import { registeredPaths } from '../helpers/routes'
import { sessionCookie, setUpAndSignIn } from '../helpers/signed-in'

const hosted = () => freshHarness({ operatorEmail: 'Service.Desk@hosting.example ' })
const northmoor = {
  name: 'Northmoor NHS Trust',
  adminName: 'Asha Patel',
  email: 'asha.patel@northmoor.example',
}
const password = 'a long enough password'
const countOf = async (h: Harness, table: typeof organisations | typeof people) =>
  (await h.db.select({ n: count() }).from(table))[0]?.n

/** An organisation added by the operator, whose admin has set a password and signed in. */
async function addedAndSignedIn(h: Harness, fields = northmoor) {
  const operator = await signInOperator(h)
  const made = await operator.post('/operator/organisations/new', fields)
  expect(made.status).toBe(200)
  const link = adminLinkIn(await made.text())
  const set = await postForm(h.app, link, { password, confirm: password })
  expect(set.status).toBe(303)
  return { operator, cookie: sessionCookie(set) }
}

describe('the service operator', () => {
  it('has no pages where no operator is configured, and first-run setup still works', async () => {
    const h = await freshHarness()
    expect((await h.app.request('/operator')).status).toBe(404)
    const token = await operatorToken(h)
    expect((await postForm(h.app, `/operator/sign-in/${token}`, {})).status).toBe(410)
    const admin = await setUpAndSignIn(h)
    expect(await (await admin.get('/')).text()).toContain('Northmoor Trust')
  })

  it('signs in once with a link: 20 presses at once make one session, and the link is then spent', async () => {
    const h = await hosted()
    const token = await operatorToken(h)
    const page = await h.app.request(`/operator/sign-in/${token}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Sign in as the service’s operator')
    // Opening the link spends nothing: only pressing the button does.
    const presses = await Promise.all(
      Array.from({ length: 20 }, () => postForm(h.app, `/operator/sign-in/${token}`, {})),
    )
    expect(presses.map((r) => r.status).sort()).toEqual([303, ...Array(19).fill(410)])
    expect((await h.db.select({ n: count() }).from(operatorSessions))[0]?.n).toBe(1)
    const cookie = presses.map(operatorCookie).find(Boolean) ?? ''
    const home = await h.app.request('/operator', { headers: { Cookie: cookie } })
    expect(home.status).toBe(200)
    expect(await home.text()).toContain(operatorEmail)
    expect((await h.app.request(`/operator/sign-in/${token}`)).status).toBe(410)
  })

  it('refuses a link made for another email, or out of time', async () => {
    const h = await hosted()
    const other = await operatorToken(h, { email: 'someone.else@hosting.example' })
    const late = await operatorToken(h, { expiresAt: Date.now() - 1 })
    for (const token of [other, late, 'not-a-token']) {
      // Its page offers no button, and pressing one anyway signs no one in.
      expect((await h.app.request(`/operator/sign-in/${token}`)).status).toBe(410)
      const res = await postForm(h.app, `/operator/sign-in/${token}`, {})
      expect(res.status).toBe(410)
      expect(operatorCookie(res)).toBeUndefined()
    }
    expect((await h.db.select({ n: count() }).from(operatorSessions))[0]?.n).toBe(0)
  })

  it('keeps its pages from everyone else: no session, an organisation’s admin, a changed operator', async () => {
    const h = await hosted()
    const { cookie: adminCookie } = await addedAndSignedIn(h)
    const operator = await signInOperator(h)
    const asOperatorCookie = adminCookie.replace(/^[^=]+=/, 'operator=')
    const asked: Record<string, string>[] = [
      {},
      { Cookie: adminCookie },
      { Cookie: asOperatorCookie },
    ]
    for (const headers of asked) {
      const res = await h.app.request('/operator', { headers })
      expect(res.status).toBe(403)
      expect(await res.text()).toContain('npm run operator:link')
      const post = await postForm(h.app, '/operator/organisations/new', northmoor, headers)
      expect(post.status).toBe(403)
    }
    // A session made for an earlier operator's email no longer counts once the email changes.
    const earlier = 'earlier-operator-session-token'
    await createOperatorSession(h.db, {
      tokenHash: await hashToken(earlier),
      email: 'earlier.desk@hosting.example',
      now: Date.now(),
    })
    const stale = await h.app.request('/operator', { headers: { Cookie: `operator=${earlier}` } })
    expect(stale.status).toBe(403)
    expect((await operator.get('/operator')).status).toBe(200)
  })

  it('adds an organisation with its first admin, who sets a password and signs in to it alone', async () => {
    const h = await hosted()
    const operator = await signInOperator(h)
    const blank = await operator.post('/operator/organisations/new', {
      name: ' ',
      adminName: '',
      email: 'asha',
    })
    expect(blank.status).toBe(422)
    const errors = await blank.text()
    // Each problem in the summary, linked to its field, and the answer given kept in the field.
    expect(errors).toContain('<a href="#name">Enter the organisation name</a>')
    expect(errors).toContain('<a href="#adminName">Enter the admin’s name</a>')
    expect(errors).toMatch(/<a href="#email">Enter an email address in the correct format/)
    expect(errors).toContain('value="asha"')
    expect(await countOf(h, organisations)).toBe(0)

    const { cookie } = await addedAndSignedIn(h)
    const home = await h.app.request('/', { headers: { Cookie: cookie } })
    expect(home.status).toBe(200)
    expect(await home.text()).toContain(northmoor.name)
    const audit = await h.app.request('/audit', { headers: { Cookie: cookie } })
    const log = await audit.text()
    expect(log).toContain('Organisation created')
    expect(log).toContain('The service’s operator')
    const list = await (await operator.get('/operator')).text()
    expect(list).toContain(northmoor.name)
    expect(list).toContain('1 organisation')
    // Its one person (the admin) and no rounds, counted in its row.
    expect(list).toMatch(
      /Northmoor NHS Trust<\/td><td[^>]*>[\d-]+<\/td><td[^>]*>1<\/td><td[^>]*>0<\/td>/,
    )
  })

  it('stores one organisation from 10 identical submissions at once, and none for a taken email', async () => {
    const h = await hosted()
    const operator = await signInOperator(h)
    const sent = await Promise.all(
      Array.from({ length: 10 }, () => operator.post('/operator/organisations/new', northmoor)),
    )
    expect(sent.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(422)])
    expect(await countOf(h, organisations)).toBe(1)
    expect(await countOf(h, people)).toBe(1)
    const again = await operator.post('/operator/organisations/new', {
      ...northmoor,
      name: 'Another Trust',
      email: ' ASHA.PATEL@northmoor.example',
    })
    expect(again.status).toBe(422)
    expect(await again.text()).toContain('already signs in with this email address')
    expect(await countOf(h, organisations)).toBe(1)
  })

  it('suspends an organisation: its sessions end and no one signs in; restoring lets them back; each audited once', async () => {
    const h = await hosted()
    const { operator, cookie } = await addedAndSignedIn(h)
    const other = await addedAndSignedIn(h, {
      name: 'Eastfield Trust',
      adminName: 'Ben Cole',
      email: 'ben.cole@eastfield.example',
    })
    const [org] = await h.db
      .select()
      .from(organisations)
      .where(eq(organisations.name, northmoor.name))
    if (!org) throw new Error('no organisation')
    const suspends = await Promise.all(
      Array.from({ length: 20 }, () => operator.post(`/operator/organisations/${org.id}/suspend`)),
    )
    expect(suspends.every((r) => r.status === 303)).toBe(true)
    expect(await (await operator.get('/operator')).text()).toContain('Suspended on')
    const home = await h.app.request('/', { headers: { Cookie: cookie } })
    expect(home.status).toBe(303)
    const again = await postForm(h.app, '/sign-in', { email: northmoor.email, password })
    expect(again.status).toBe(403)
    expect(await again.text()).toContain('suspended')
    // The other organisation carries on.
    expect((await h.app.request('/', { headers: { Cookie: other.cookie } })).status).toBe(200)

    for (let i = 0; i < 2; i++)
      expect((await operator.post(`/operator/organisations/${org.id}/restore`)).status).toBe(303)
    const back = await postForm(h.app, '/sign-in', { email: northmoor.email, password })
    expect(back.status).toBe(303)
    const actions = await h.db
      .select({ action: auditLog.action, actor: auditLog.actorId })
      .from(auditLog)
      .where(eq(auditLog.organisationId, org.id))
    const of = (action: string) => actions.filter((a) => a.action === action)
    expect(of('organisation.suspended')).toEqual([
      { action: 'organisation.suspended', actor: operatorActorId },
    ])
    expect(of('organisation.restored')).toHaveLength(1)
    expect((await operator.post('/operator/organisations/no-such-id/suspend')).status).toBe(404)
  })

  it('closes first-run setup once an operator runs the service, and sends people to sign in', async () => {
    const h = await hosted()
    expect((await h.app.request('/setup')).status).toBe(404)
    expect(
      (await postForm(h.app, '/setup', { ...northmoor, adminName: 'x', password })).status,
    ).toBe(404)
    const home = await h.app.request('/')
    expect(home.headers.get('Location')).toBe('/sign-in?next=%2F')
    expect(await countOf(h, organisations)).toBe(0)
  })

  it('refuses every operator route to anyone but the operator, changing nothing', async () => {
    const h = await hosted()
    const { cookie } = await addedAndSignedIn(h)
    const [org] = await h.db.select().from(organisations)
    const params = { id: org?.id ?? '', token: 'not-a-token' }
    let checked = 0
    for (const method of ['GET', 'POST'] as const) {
      const paths = registeredPaths(h.app, method, params, { includePublic: true }).filter(
        (p) => p.startsWith('/operator') && !p.startsWith('/operator/sign-'),
      )
      for (const path of paths)
        for (const headers of [{}, { Cookie: cookie }] as Record<string, string>[]) {
          const res =
            method === 'GET'
              ? await h.app.request(path, { headers })
              : await postForm(h.app, path, { ...northmoor, email: 'new@x.example' }, headers)
          expect([method, path, res.status]).toEqual([method, path, 403])
          checked++
        }
    }
    expect(checked).toBeGreaterThanOrEqual(10)
    const [after] = await h.db.select().from(organisations)
    expect(after?.suspendedAt).toBeNull()
    expect(await countOf(h, organisations)).toBe(1)
  })

  it('keeps the operator’s session in a __Secure- cookie, sent only to its pages, over https', async () => {
    const h = await freshHarness({
      operatorEmail: operatorEmail,
      publicOrigin: 'https://recovery.example.nhs.uk',
    })
    const token = await operatorToken(h)
    const res = await h.app.request(`https://recovery.example.nhs.uk/operator/sign-in/${token}`, {
      method: 'POST',
      headers: {
        Origin: 'https://recovery.example.nhs.uk',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: '',
    })
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Secure-operator=')) ?? ''
    expect(cookie).toMatch(/; Path=\/operator/)
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Strict/)
    const home = await h.app.request('https://recovery.example.nhs.uk/operator', {
      headers: { Cookie: cookie.split(';')[0] ?? '' },
    })
    expect(home.status).toBe(200)
  })
})
