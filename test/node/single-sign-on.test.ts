import { type AddressInfo, createServer } from 'node:net'
import Provider from 'oidc-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPerson } from '../../src/db/queries/people'
import { saveSettings } from '../../src/db/queries/sso'
import { freshHarness } from '../harness/node'
import { createPerson } from '../helpers/factories'
import { postForm } from '../helpers/requests'
import { sessionCookie, setUpAndSignIn } from '../helpers/signed-in'

const callback = 'http://localhost/sign-in/sso/callback'
const client = {
  client_id: 'recovery-culture',
  client_secret: 'a client secret of a good length for tests',
}
/** The identity provider's people: subject to email. */
const accounts: Record<string, string> = {
  'entra-0001': 'sam.jones@northmoor.example',
  'entra-0002': 'stranger@elsewhere.example',
  'entra-0003': 'kim.lee@northmoor.example',
}

let issuer = ''
let close: () => void = () => {}
/** How many times anything asked the provider for its configuration. */
let discoveries = 0

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

beforeAll(async () => {
  const port = await freePort()
  issuer = `http://127.0.0.1:${port}`
  const provider = new Provider(issuer, {
    clients: [
      { ...client, redirect_uris: [callback], token_endpoint_auth_method: 'client_secret_post' },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, email: accounts[sub], email_verified: true }),
    }),
  })
  provider.use(async (ctx, next) => {
    if (ctx.path.includes('.well-known')) discoveries++
    await next()
  })
  const server = provider.listen(port, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  close = () => server.close()
})
afterAll(() => close())

/** Signs in at the provider as the given subject, as a person would, and returns our callback URL. */
async function signInAtProvider(authorizeUrl: string, subject: string): Promise<string> {
  const cookies = new Map<string, string>()
  let request: { url: string; body?: URLSearchParams } = { url: authorizeUrl }
  for (let step = 0; step < 12; step++) {
    const res = await fetch(request.url, {
      method: request.body ? 'POST' : 'GET',
      body: request.body,
      redirect: 'manual',
      headers: { Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    })
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const [name, value] = (pair ?? '').split('=')
      if (name) cookies.set(name, value ?? '')
    }
    const location = res.headers.get('Location')
    if (location) {
      const next = new URL(location, request.url).toString()
      if (next.startsWith(callback)) return next
      request = { url: next }
      continue
    }
    const html = await res.text()
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
    if (!action)
      throw new Error(`The provider showed no form at step ${step}: ${html.slice(0, 200)}`)
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? ''
    const fields: Record<string, string> =
      prompt === 'login' ? { prompt, login: subject, password: 'any' } : { prompt }
    request = { url: new URL(action, request.url).toString(), body: new URLSearchParams(fields) }
  }
  throw new Error('The provider never sent the person back')
}

async function organisationWithSso() {
  // The provider runs on this machine over plain http, which only a test server allows.
  const h = await setUpAndSignIn(await freshHarness({ ssoAllowLoopback: true }))
  const saved = await h.post('/settings', {
    name: h.organisation.name,
    issuer,
    ...{ clientId: client.client_id, clientSecret: client.client_secret },
  })
  expect(saved.status).toBe(303)
  return h
}

async function startAndFinish(
  h: Awaited<ReturnType<typeof organisationWithSso>>,
  email: string,
  subject: string,
) {
  const start = await postForm(h.app, '/sign-in/sso?next=%2Fteams', { ssoEmail: email })
  expect(start.status).toBe(303)
  const authorize = start.headers.get('Location') ?? ''
  expect(authorize).toContain('code_challenge_method=S256')
  return h.app.request(await signInAtProvider(authorize, subject))
}

describe('single sign-on against a real OpenID provider', () => {
  it('links an invited person by verified email on first sign-in, then by issuer and subject', async () => {
    const h = await organisationWithSso()
    const sam = await createPerson(h.db, h.organisation.id, {
      email: 'sam.jones@northmoor.example',
      name: 'Sam Jones',
      grants: [{ role: 'viewer' }],
    })
    const first = await startAndFinish(h, 'sam.jones@northmoor.example', 'entra-0001')
    expect(first.status).toBe(303)
    expect(first.headers.get('Location')).toBe('/teams')
    const page = await h.app.request('/', { headers: { Cookie: sessionCookie(first) } })
    expect(await page.text()).toContain('Sam Jones')

    accounts['entra-0001'] = 'sam.jones.renamed@northmoor.example'
    const again = await startAndFinish(h, 'sam.jones@northmoor.example', 'entra-0001')
    expect(again.status).toBe(303)
    expect((await getPerson(h.db, h.organisation.id, sam.id))?.status).toBe('active')
  })

  it('refuses someone the organisation has not added, and a state used twice', async () => {
    const h = await organisationWithSso()
    await createPerson(h.db, h.organisation.id, { email: 'kim.lee@northmoor.example' })
    const stranger = await startAndFinish(h, 'kim.lee@northmoor.example', 'entra-0002')
    expect(stranger.status).toBe(422)
    expect(await stranger.text()).toContain('There is no account for you in this organisation')
    expect(stranger.headers.getSetCookie()).toEqual([])

    const start = await postForm(h.app, '/sign-in/sso', { ssoEmail: 'kim.lee@northmoor.example' })
    const back = await signInAtProvider(start.headers.get('Location') ?? '', 'entra-0003')
    expect((await h.app.request(back)).status).toBe(303)
    const replay = await h.app.request(back)
    expect(replay.status).toBe(422)
    expect(await replay.text()).toContain('That sign-in took too long or was used already')
  })

  it('says so when single sign-on is not set up for an email address', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const res = await postForm(h.app, '/sign-in/sso', { ssoEmail: 'asha.patel@northmoor.example' })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Single sign-on is not set up for this email address')
  })

  it('never lets a visitor make the server fetch a plain-http address, and answers plainly when the provider cannot be reached', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const refused = await h.post('/settings', {
      name: h.organisation.name,
      issuer,
      ...{ clientId: client.client_id, clientSecret: client.client_secret },
    })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('Enter the issuer as an https address')
    // Even a plain-http issuer already stored is not fetched without the test server's setting.
    await saveSettings(
      h.db,
      { organisationId: h.organisation.id, actorId: h.signedInId, at: new Date() },
      {
        name: h.organisation.name,
        respondentContact: null,
        sso: { issuer, clientId: client.client_id, clientSecret: client.client_secret },
      },
      { name: h.organisation.name, respondentContact: null, sso: null },
    )
    const discoveriesBefore = discoveries
    const start = await postForm(h.app, '/sign-in/sso', {
      ssoEmail: 'asha.patel@northmoor.example',
    })
    expect(start.status).toBe(422)
    expect(await start.text()).toContain('could not be reached')
    expect(discoveries).toBe(discoveriesBefore)
    // An https issuer that does not answer: a plain refusal within the time limit, never a 500.
    await saveSettings(
      h.db,
      { organisationId: h.organisation.id, actorId: h.signedInId, at: new Date() },
      {
        name: h.organisation.name,
        respondentContact: null,
        sso: { issuer: 'https://127.0.0.1:9', clientId: 'x', clientSecret: 'y' },
      },
      { name: h.organisation.name, respondentContact: null, sso: null },
    )
    const unreachable = await postForm(h.app, '/sign-in/sso', {
      ssoEmail: 'asha.patel@northmoor.example',
    })
    expect(unreachable.status).toBe(422)
    expect(await unreachable.text()).toContain('could not be reached')
  }, 30_000)
})
