import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { auditLog, sessions } from '../../src/db/schema'
import { hashToken } from '../../src/db/tokens'
import { safeNext } from '../../src/routes/sign-in/sign-in'
import { manualClock } from '../helpers/clock'
import { htmxHeaders, postForm } from '../helpers/requests'
import { firstAdmin, sessionCookie, setUpAndSignIn } from '../helpers/signed-in'

const credentials = { email: firstAdmin.email, password: firstAdmin.password }

async function signedInOrganisation(clock = manualClock()) {
  const h = await setUpAndSignIn(await freshHarness({ now: clock.now }))
  const signIn = (fields = credentials, path = '/sign-in') => postForm(h.app, path, fields)
  const home = (cookie: string) => h.app.request('/', { headers: { Cookie: cookie } })
  return { ...h, clock, signIn, home }
}

describe('signing in', () => {
  it('signs in with the right email and password, with a new token each time', async () => {
    const h = await signedInOrganisation()
    const first = await h.signIn({ ...credentials, email: '  ASHA.PATEL@northmoor.example ' })
    expect(first.status).toBe(303)
    expect(first.headers.get('Location')).toBe('/')
    const second = await h.signIn()
    expect(sessionCookie(first)).not.toBe(sessionCookie(second))
    expect(await (await h.home(sessionCookie(first))).text()).toContain('Asha Patel')
  })

  it('stores only the SHA-256 of the session token', async () => {
    const h = await signedInOrganisation()
    const token = sessionCookie(await h.signIn()).split('=')[1] as string
    expect(token.length).toBeGreaterThanOrEqual(43)
    const stored = await h.db.select({ tokenHash: sessions.tokenHash }).from(sessions)
    expect(stored.map((s) => s.tokenHash)).toContain(await hashToken(token))
    expect(stored.map((s) => s.tokenHash)).not.toContain(token)
  })

  it('sets a __Host- cookie, Secure, HttpOnly and SameSite=Lax over https', async () => {
    const h = await signedInOrganisation()
    const res = await h.app.request('https://trust.example/sign-in', {
      method: 'POST',
      body: new URLSearchParams(credentials),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://trust.example',
      },
    })
    const cookie = res.headers.getSetCookie()[0] ?? ''
    expect(cookie).toMatch(
      /^__Host-session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    )
    const plain = (await h.signIn()).headers.getSetCookie()[0] ?? ''
    expect(plain).toMatch(/^session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/)
  })

  it('goes on to the page asked for, but never to another site', async () => {
    const h = await signedInOrganisation()
    expect(
      (await h.signIn(credentials, '/sign-in?next=%2Finstruments')).headers.get('Location'),
    ).toBe('/instruments')
    expect(
      (await h.signIn(credentials, '/sign-in?next=https%3A%2F%2Fevil.example')).headers.get(
        'Location',
      ),
    ).toBe('/')
    expect(
      (await h.signIn(credentials, '/sign-in?next=%2F%2Fevil.example')).headers.get('Location'),
    ).toBe('/')
  })

  it('reads where to go next as a browser would, and never leaves the site by any spelling', async () => {
    const h = await signedInOrganisation()
    const cookie = sessionCookie(await h.signIn())
    const attacks = [
      '/\\evil.example',
      '/\t/evil.example',
      '/%09/evil.example',
      '\\/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '//evil.example',
      '///evil.example',
      '/\\/evil.example',
      'https:evil.example',
      'javascript:alert(1)',
      '/.//evil.example',
      '/./\\evil.example',
      '/ /evil.example',
      '/%2F%2Fevil.example',
    ]
    const stays = (location: string | null) =>
      location !== null && new URL(location, 'https://trust.example').host === 'trust.example'
    for (const next of attacks) {
      const query = `next=${encodeURIComponent(next)}`
      const signedIn = await h.signIn(credentials, `/sign-in?${query}`)
      expect(stays(signedIn.headers.get('Location')), next).toBe(true)
      const htmx = await postForm(h.app, `/sign-in?${query}`, credentials, htmxHeaders)
      expect(stays(htmx.headers.get('HX-Redirect')), next).toBe(true)
      const extended = await postForm(h.app, `/session/extend?${query}`, {}, { Cookie: cookie })
      expect(stays(extended.headers.get('Location')), next).toBe(true)
    }
    expect(
      (await h.signIn(credentials, '/sign-in?next=%2Fresults%3Fround%3D1%23top')).headers.get(
        'Location',
      ),
    ).toBe('/results?round=1#top')
  }, 60_000)

  it('keeps any path a browser would read as another site from being followed (property)', () => {
    const piece = fc.constantFrom(
      '/',
      '\\',
      '\t',
      '\n',
      '\r',
      ' ',
      '%09',
      '%2F',
      '.',
      ':',
      '@',
      'a',
    )
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }),
        fc.constantFrom('evil.example', 'evil.example/x?y#z', '@evil.example'),
        (start, host) => {
          const next = `/${start.join('')}${host}`
          const followed = safeNext(next)
          expect(followed.startsWith('/')).toBe(true)
          expect(new URL(followed, 'https://trust.example').host).toBe('trust.example')
        },
      ),
      { numRuns: 1000, seed: 14 },
    )
  })

  it('gives the same message for a wrong password and an unknown email, and audits the failure', async () => {
    const h = await signedInOrganisation()
    const wrong = await h.signIn({ ...credentials, password: 'not the password at all' })
    const unknown = await h.signIn({
      email: 'nobody@northmoor.example',
      password: 'whatever it is',
    })
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(422)
      expect(await res.text()).toContain('The email address or password is not right')
      expect(res.headers.getSetCookie()).toEqual([])
    }
    const failures = await h.db.select().from(auditLog).where(eq(auditLog.action, 'sign-in.failed'))
    expect(failures).toHaveLength(1)
  })

  it('refuses further attempts after 5 failures in 15 minutes, then lets the right password in', async () => {
    const h = await signedInOrganisation()
    for (let i = 0; i < 5; i++) {
      expect((await h.signIn({ ...credentials, password: `wrong password ${i}` })).status).toBe(422)
      h.clock.advance(1)
    }
    const locked = await h.signIn()
    expect(locked.status).toBe(429)
    expect(await locked.text()).toContain(
      'There have been too many attempts to sign in to this account',
    )
    expect(locked.headers.getSetCookie()).toEqual([])
    h.clock.advance(11)
    expect((await h.signIn()).status).toBe(303)
  })

  it('checks at most five passwords however many are sent at once, and the right one among them is refused once five are counted', async () => {
    const h = await signedInOrganisation()
    const checked = async () =>
      (await h.db.select().from(auditLog)).filter((a) =>
        ['sign-in', 'sign-in.failed'].includes(a.action),
      ).length
    const before = await checked()
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        h.signIn({ ...credentials, password: `wrong password ${i}` }),
      ),
    )
    const statuses = burst.map((r) => r.status)
    expect(statuses.filter((s) => s === 422)).toHaveLength(5)
    expect(statuses.filter((s) => s === 429)).toHaveLength(35)
    expect((await checked()) - before).toBe(5)
    h.clock.advance(16)
    for (let i = 0; i < 4; i++)
      expect((await h.signIn({ ...credentials, password: `wrong again ${i}` })).status).toBe(422)
    const mixed = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.signIn(i === 7 ? credentials : { ...credentials, password: `wrong ${i}` }),
      ),
    )
    const signedIn = mixed.filter((r) => r.status === 303)
    const refused = mixed.filter((r) => r.status === 422)
    expect(signedIn.length + refused.length).toBe(1)
    expect(mixed.filter((r) => r.status === 429)).toHaveLength(19)
    for (const r of mixed) if (r.status !== 303) expect(r.headers.getSetCookie()).toEqual([])
  }, 60_000)
})

describe('sessions', () => {
  it('behind a proxy that ends TLS, goes by the configured public address: cookie, links and the check that a form came from this site', async () => {
    const h = await setUpAndSignIn(
      await freshHarness({ publicOrigin: 'https://recovery.example.nhs.uk' }),
    )
    // The proxy reaches the server over plain http, as most do.
    const inside = 'http://10.0.0.5:8787'
    const signIn = (origin: string) =>
      h.app.request(`${inside}/sign-in`, {
        method: 'POST',
        body: new URLSearchParams(credentials),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
      })
    const res = await signIn('https://recovery.example.nhs.uk')
    expect(res.status).toBe(303)
    const cookie = res.headers.getSetCookie()[0] ?? ''
    expect(cookie).toMatch(
      /^__Host-session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    )
    expect((await signIn(inside)).status).toBe(403)
    const session = cookie.split(';')[0] ?? ''
    const home = await h.app.request(`${inside}/`, { headers: { Cookie: session } })
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Asha Patel')
    const link = await h.app.request(`${inside}/people/${h.signedInId}/password-link`, {
      method: 'POST',
      headers: { Origin: 'https://recovery.example.nhs.uk', Cookie: session },
    })
    const kept = await h.app.request(`${inside}${link.headers.get('Location')}`, {
      headers: { Cookie: session },
    })
    expect(await kept.text()).toMatch(
      /https:\/\/recovery\.example\.nhs\.uk\/set-password\/[A-Za-z0-9_-]{43}/,
    )
  })

  it('tells browsers and proxies to keep no copy of a signed-in page', async () => {
    const h = await signedInOrganisation()
    for (const path of ['/', '/results', '/people', '/rounds', '/strategy', '/teams']) {
      const page = await h.app.request(path, { headers: { Cookie: h.cookie } })
      expect(page.status, path).toBe(200)
      expect(page.headers.get('Cache-Control'), path).toBe('no-store')
    }
  })

  it('ends after 30 minutes without activity', async () => {
    const h = await signedInOrganisation()
    h.clock.advance(29)
    expect((await h.home(h.cookie)).status).toBe(200)
    h.clock.advance(29)
    expect((await h.home(h.cookie)).status).toBe(200)
    h.clock.advance(31)
    const expired = await h.home(h.cookie)
    expect(expired.status).toBe(303)
    expect(expired.headers.get('Location')).toBe('/sign-in?next=%2F')
    expect(await h.db.select().from(sessions)).toHaveLength(0)
  })

  it('ends after 12 hours however active, and the limits can be configured', async () => {
    const h = await signedInOrganisation()
    // a page every 20 minutes for 12 hours keeps the session alive, and no further
    for (let minutes = 20; minutes <= 12 * 60; minutes += 20) {
      h.clock.advance(20)
      expect((await h.home(h.cookie)).status).toBe(200)
    }
    h.clock.advance(1)
    expect((await h.home(h.cookie)).status).toBe(303)

    const clock = manualClock()
    const short = await setUpAndSignIn(
      await freshHarness({
        now: clock.now,
        sessionPolicy: { idleMs: 5 * 60_000, absoluteMs: 60 * 60_000 },
      }),
    )
    clock.advance(6)
    expect((await short.get('/')).status).toBe(303)
  })

  it('keeps an idle session going when the person asks to stay signed in', async () => {
    const h = await signedInOrganisation()
    h.clock.advance(28)
    const extend = await postForm(
      h.app,
      '/session/extend',
      {},
      { Cookie: h.cookie, 'HX-Request': 'true' },
    )
    expect(extend.status).toBe(204)
    h.clock.advance(28)
    expect((await h.home(h.cookie)).status).toBe(200)
    const page = await (await h.home(h.cookie)).text()
    expect(page).toContain('id="session-warning" data-idle-ms="1800000" hidden')
  })

  it('signs out: the session is deleted and its cookie no longer works', async () => {
    const h = await signedInOrganisation()
    const res = await postForm(h.app, '/sign-out', {}, { Cookie: h.cookie })
    expect(res.status).toBe(303)
    expect(res.headers.getSetCookie()[0]).toMatch(/^session=; Max-Age=0/)
    expect(await h.db.select().from(sessions)).toHaveLength(0)
    expect((await h.home(h.cookie)).status).toBe(303)
  })
})
