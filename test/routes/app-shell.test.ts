import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { createApp } from '../../src/app'
import { organisations } from '../../src/db/schema'
import { createTeamRow, teamInstrument } from '../helpers/factories'
import { htmxHeaders, postForm } from '../helpers/requests'
import { allAnswered, closedRoundWith } from '../helpers/results'
import { registeredPaths } from '../helpers/routes'
import { firstAdmin, setUpAndSignIn } from '../helpers/signed-in'
import { storedRows, storedTables } from '../helpers/stored'

const builtInParams = { slug: 'org-recovery-exec', version: '1', linkId: 'E01' }

/** The manifest of published files, as the app serves it. */
async function publishedPaths(app: { request: (path: string) => Response | Promise<Response> }) {
  const res = await app.request('/assets/manifest.json')
  expect(res.status).toBe(200)
  return (await res.json()) as Record<string, string>
}

function expectSecurityHeaders(res: Response) {
  const hsts = res.headers.get('Strict-Transport-Security') ?? ''
  expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31536000)
  const csp = res.headers.get('Content-Security-Policy') ?? ''
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? ''
  expect(scriptSrc).toBe("'self'")
  expect(csp).not.toContain('unsafe-inline')
  expect(csp).not.toContain('unsafe-eval')
  expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
}

describe('the page shell', () => {
  it('renders a full page in the NHS.UK layout in standards mode and British English', async () => {
    const h = await freshHarness()
    const body = await (await h.app.request('/setup')).text()
    expect(body.startsWith('<!DOCTYPE html><html lang="en-GB">')).toBe(true)
    expect(body).toContain(
      '<a class="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#maincontent">',
    )
    expect(body).toContain('<header class="nhsuk-header"')
    expect(body).toContain('<main class="nhsuk-main-wrapper" id="maincontent">')
    expect(body).toContain('<footer class="nhsuk-footer"')
    const published = await publishedPaths(h.app)
    for (const name of ['htmx.js', 'nhsuk-frontend.css', 'app.css', 'app.js']) {
      expect(published[name]).toMatch(/^\/assets\/[\w-]+\.[0-9a-f]{12}\.\w+$/)
      expect(body).toContain(`"${published[name]}"`)
    }
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(body).not.toMatch(/\sstyle=/)
  })

  it('serves every published file from our own origin, kept for a year, with the security headers', async () => {
    const h = await freshHarness()
    const published = await publishedPaths(h.app)
    expect(Object.keys(published)).toEqual(
      expect.arrayContaining(['htmx.js', 'chart.js', 'nhsuk-frontend.css', 'app.js', 'app.css']),
    )
    for (const path of Object.values(published)) {
      const res = await h.app.request(path)
      expect([path, res.status]).toEqual([path, 200])
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100)
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
      expectSecurityHeaders(res)
    }
    // The stylesheet's icons are published too, under the paths it names them by.
    const css = await (await h.app.request(published['nhsuk-frontend.css'] ?? '')).text()
    const icons = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1])
    expect(icons.length).toBeGreaterThan(3)
    for (const icon of new Set(icons)) {
      expect([icon, Object.values(published).includes(icon ?? '')]).toEqual([icon, true])
    }
  })

  it('lets no file be kept for good that is not named by its digest', async () => {
    const h = await freshHarness()
    const plain = await h.app.request('/assets/app.js')
    expect(plain.status).toBe(404)
    expect(plain.headers.get('Cache-Control') ?? '').not.toContain('immutable')
    const manifest = await h.app.request('/assets/manifest.json')
    expect(manifest.status).toBe(200)
    expect(manifest.headers.get('Cache-Control') ?? '').not.toContain('immutable')
  })
})

describe('security baseline', () => {
  it('puts HSTS and a strict Content-Security-Policy on every kind of response', async () => {
    const h = await freshHarness()
    const responses = await Promise.all([
      h.app.request('/'),
      h.app.request('/setup'),
      h.app.request('/healthz'),
      h.app.request('/no-such-page'),
      postForm(h.app, '/setup', { name: '' }),
      postForm(
        h.app,
        '/setup',
        { name: 'x' },
        { Origin: 'https://elsewhere.example', 'Sec-Fetch-Site': 'cross-site' },
      ),
    ])
    for (const res of responses) expectSecurityHeaders(res)
  })

  it('refuses a cross-origin form post with 403 and stores nothing', async () => {
    const h = await freshHarness()
    const res = await postForm(
      h.app,
      '/setup',
      { name: 'Forged Trust' },
      { Origin: 'https://elsewhere.example', 'Sec-Fetch-Site': 'cross-site' },
    )
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('You cannot do that')
    const [row] = await h.db.select({ n: count() }).from(organisations)
    expect(row?.n).toBe(0)
  })

  it('refuses a form post that says nothing of where it came from', async () => {
    const h = await freshHarness()
    const res = await h.app.request('/setup', {
      method: 'POST',
      body: new URLSearchParams({ name: 'Forged Trust' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(res.status).toBe(403)
  })

  it('changes nothing stored, in any table, on any GET route the app registers, signed in', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const team = await createTeamRow(h.db, h.organisation.id, 'Ward A')
    await closedRoundWith(h.db, h.organisation.id, teamInstrument(), {
      name: 'Spring 2026',
      date: '2026-03-31',
      responses: [4, 4, 5, 3, 4].map((v) => ({
        groupId: team.id,
        answers: allAnswered(teamInstrument(), v),
      })),
    })
    // A signed-in page may move its session's expiry on; nothing else may change.
    const tables = await storedTables(h.db, ['sessions'])
    expect(tables.length).toBeGreaterThan(20)
    const before = await storedRows(h.db, tables)
    const paths = registeredPaths(
      h.app,
      'GET',
      { ...builtInParams, id: team.id },
      {
        includePublic: true,
      },
    )
    for (const path of paths) await h.get(path)
    expect(await storedRows(h.db, tables)).toEqual(before)
  })

  it('asks for sign-in on every GET route the app registers but the public ones', async () => {
    const h = await freshHarness()
    await postForm(h.app, '/setup', firstAdmin)
    // Open by design, written here apart from the app's own list: first-run setup, signing in
    // and out, the health check, setting a password from its link, and answering from a link;
    // the operator's pages have a sign-in of their own (and refuse everyone else: operator.test).
    const openByDesign =
      /^\/(setup|sign-in(\/sso(\/callback)?)?|sign-out|healthz|set-password\/.+|r(\/.*)?|operator(\/.*)?)$/
    const paths = registeredPaths(
      h.app,
      'GET',
      { ...builtInParams, token: 'x' },
      {
        includePublic: true,
      },
    )
    expect(paths).toEqual(
      expect.arrayContaining(['/', '/instruments', '/instruments/import', '/r']),
    )
    for (const path of paths) {
      const res = await h.app.request(path)
      const toSignIn = res.headers.get('Location') === `/sign-in?next=${encodeURIComponent(path)}`
      expect([path, toSignIn]).toEqual([path, !openByDesign.test(path)])
    }
  })
})

describe('errors', () => {
  it('sends a visitor who is not signed in to sign in, even for an unknown address', async () => {
    const h = await freshHarness()
    expect((await h.app.request('/no-such-page')).headers.get('Location')).toBe('/setup')
    await postForm(h.app, '/setup', firstAdmin)
    const res = await h.app.request('/no-such-page')
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/sign-in?next=%2Fno-such-page')
  })

  it('answers an unknown address with a 404 page', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const res = await h.get('/no-such-page')
    expect(res.status).toBe(404)
    const body = await res.text()
    expect(body).toMatch(/^<!DOCTYPE html>/)
    expect(body).toContain('<h1>Page not found</h1>')
  })

  it('answers htmx with the 404 fragment alone', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const res = await h.get('/no-such-page', htmxHeaders)
    expect(res.status).toBe(404)
    const body = await res.text()
    expect(body).not.toContain('<html')
    expect(body).toContain('<h1>Page not found</h1>')
  })

  it('shows a 500 page with no stack trace or error detail when something breaks', async () => {
    const app = createApp({
      getDb: () => {
        throw new Error('connection string secret-token-123 rejected')
      },
    })
    const original = console.error
    console.error = () => {}
    try {
      for (const headers of [{}, htmxHeaders]) {
        const res = await app.request('/', { headers })
        expect(res.status).toBe(500)
        const body = await res.text()
        expect(body).toContain('Sorry, there is a problem with the service')
        expect(body).not.toContain('secret-token-123')
        expect(body).not.toMatch(/\bat .*\.(ts|js):\d+/)
      }
    } finally {
      console.error = original
    }
  })
})

describe('health check', () => {
  it('answers 200 after a round trip to the database', async () => {
    const h = await freshHarness()
    const res = await h.app.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })
})

describe('what a page loads', () => {
  it('loads the charting library only on a page that draws a chart', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const team = teamInstrument()
    const ward = await createTeamRow(h.db, h.organisation.id, 'Ward A')
    await closedRoundWith(h.db, h.organisation.id, team, {
      name: 'Spring 2025',
      date: '2025-03-31',
      responses: Array.from({ length: 5 }, () => ({
        groupId: ward.id,
        answers: allAnswered(team, 4),
      })),
    })
    const published = await publishedPaths(h.app)
    const chartScript = `<script src="${published['chart.js']}"`
    const chartsScript = `<script src="${published['charts.js']}"`
    const results = await (await h.get('/results')).text()
    expect(results).toContain('data-chart=')
    expect(results).toContain(chartScript)
    expect(results).toContain(chartsScript)
    for (const path of ['/', '/results/rules', '/rounds', '/r']) {
      const res = await h.get(path)
      expect([path, res.status]).toEqual([path, 200])
      const page = await res.text()
      expect([path, page.includes(chartScript), page.includes(chartsScript)]).toEqual([
        path,
        false,
        false,
      ])
    }
  })
})
