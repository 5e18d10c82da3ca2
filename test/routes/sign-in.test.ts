import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { auditLog, sessions } from '../../src/db/schema'
import { hashToken } from '../../src/db/tokens'
import { safeNext } from '../../src/routes/sign-in/sign-in'
import { htmxHeaders, postForm } from '../helpers/requests'
import { credentials, sessionCookie, signedInOrganisation } from '../helpers/signed-in'

describe('signing in', () => {
  it('signs in with the right email and password, with a new token each time', async () => {
    const h = await signedInOrganisation(freshHarness)
    const first = await h.signIn({ ...credentials, email: '  ASHA.PATEL@northmoor.example ' })
    expect(first.status).toBe(303)
    expect(first.headers.get('Location')).toBe('/')
    const second = await h.signIn()
    expect(sessionCookie(first)).not.toBe(sessionCookie(second))
    expect(await (await h.home(sessionCookie(first))).text()).toContain('Asha Patel')
  })

  it('stores only the SHA-256 of the session token', async () => {
    const h = await signedInOrganisation(freshHarness)
    const token = sessionCookie(await h.signIn()).split('=')[1] as string
    expect(token.length).toBeGreaterThanOrEqual(43)
    const stored = await h.db.select({ tokenHash: sessions.tokenHash }).from(sessions)
    expect(stored.map((s) => s.tokenHash)).toContain(await hashToken(token))
    expect(stored.map((s) => s.tokenHash)).not.toContain(token)
  })

  it('sets a __Host- cookie, Secure, HttpOnly and SameSite=Lax over https', async () => {
    const h = await signedInOrganisation(freshHarness)
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
    const h = await signedInOrganisation(freshHarness)
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
    const h = await signedInOrganisation(freshHarness)
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
    const h = await signedInOrganisation(freshHarness)
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
    const h = await signedInOrganisation(freshHarness)
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
    const h = await signedInOrganisation(freshHarness)
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
