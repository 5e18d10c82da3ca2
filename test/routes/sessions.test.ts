import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { sessions } from '../../src/db/schema'
import { manualClock } from '../helpers/clock'
import { postForm } from '../helpers/requests'
import { credentials, setUpAndSignIn, signedInOrganisation } from '../helpers/signed-in'

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
    const h = await signedInOrganisation(freshHarness)
    for (const path of ['/', '/results', '/people', '/rounds', '/strategy', '/teams']) {
      const page = await h.app.request(path, { headers: { Cookie: h.cookie } })
      expect(page.status, path).toBe(200)
      expect(page.headers.get('Cache-Control'), path).toBe('no-store')
    }
  })

  it('ends after 30 minutes without activity', async () => {
    const h = await signedInOrganisation(freshHarness)
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
    const h = await signedInOrganisation(freshHarness)
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
    const h = await signedInOrganisation(freshHarness)
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
    const h = await signedInOrganisation(freshHarness)
    const res = await postForm(h.app, '/sign-out', {}, { Cookie: h.cookie })
    expect(res.status).toBe(303)
    expect(res.headers.getSetCookie()[0]).toMatch(/^session=; Max-Age=0/)
    expect(await h.db.select().from(sessions)).toHaveLength(0)
    expect((await h.home(h.cookie)).status).toBe(303)
  })
})
