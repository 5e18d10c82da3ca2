import { getFirstOrganisation } from '../../src/db/queries/organisations'
import { getPersonByEmail } from '../../src/db/queries/people'
import type { Harness, HarnessOptions } from '../harness/types'
import { manualClock } from './clock'
import { type FormFields, postForm } from './requests'
import { postFile } from './uploads'

export const firstAdmin = {
  name: 'Northmoor Trust',
  adminName: 'Asha Patel',
  email: 'asha.patel@northmoor.example',
  password: 'correct horse battery staple',
}

/** The session cookie a response sets, as a Cookie header sends it back. */
export function sessionCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => /^(__Host-)?session=/.test(c))
  if (!cookie) throw new Error('No session cookie was set')
  return cookie.split(';')[0] as string
}

/** A harness after first-run setup, with requests made as the first admin. */
export async function setUpAndSignIn(h: Harness) {
  const res = await postForm(h.app, '/setup', firstAdmin)
  const cookie = sessionCookie(res)
  const organisation = await getFirstOrganisation(h.db)
  const admin = await getPersonByEmail(h.db, firstAdmin.email)
  if (!organisation || !admin) throw new Error('setup failed')
  const headers = (extra: Record<string, string> = {}) => ({ Cookie: cookie, ...extra })
  return {
    ...h,
    organisation,
    signedInId: admin.id,
    cookie,
    get: (path: string, extra?: Record<string, string>) =>
      h.app.request(path, { headers: headers(extra) }),
    post: (path: string, fields: FormFields = {}, extra?: Record<string, string>) =>
      postForm(h.app, path, fields, headers(extra)),
    upload: (
      path: string,
      file: { name: string; content: string },
      fields: Record<string, string | string[]> = {},
    ) => postFile(h.app, path, file, fields, headers()),
  }
}

/** Requests made as another person of the harness's organisation, signed in with their password. */
export async function signInAs(h: Harness, email: string, password: string) {
  const res = await postForm(h.app, '/sign-in', { email, password })
  const cookie = sessionCookie(res)
  return {
    cookie,
    get: (path: string) => h.app.request(path, { headers: { Cookie: cookie } }),
    post: (path: string, fields: FormFields = {}) =>
      postForm(h.app, path, fields, { Cookie: cookie }),
  }
}

/** Invitation codes as they appear in a page's links: three groups of four. */
export const codesIn = (page: string) => [
  ...new Set(
    [...page.matchAll(/\/r\/([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/g)].map((m) => m[1] ?? ''),
  ),
]

/** Makes links through the round page's form: where they are kept for their maker, and the codes. */
export async function madeLinks(
  h: Pick<Awaited<ReturnType<typeof signInAs>>, 'get' | 'post'>,
  roundPath: string,
  fields: { groupId: string; perspective: string; count: string },
) {
  const made = await h.post(`${roundPath}/invitations`, fields)
  if (made.status !== 303) throw new Error(`Links were not made: ${made.status}`)
  const kept = made.headers.get('Location') ?? ''
  const page = await h.get(kept)
  const text = await page.text()
  return { kept, page, text, codes: codesIn(text) }
}

/** The first admin's email and password, as the sign-in form takes them. */
export const credentials = { email: firstAdmin.email, password: firstAdmin.password }

/**
 * A set-up organisation with its admin signed in, on a clock the test moves, with the sign-in form
 * and the home page at hand.
 */
export async function signedInOrganisation(fresh: (options: HarnessOptions) => Promise<Harness>) {
  const clock = manualClock()
  const h = await setUpAndSignIn(await fresh({ now: clock.now }))
  const signIn = (fields = credentials, path = '/sign-in') => postForm(h.app, path, fields)
  const home = (cookie: string) => h.app.request('/', { headers: { Cookie: cookie } })
  return { ...h, clock, signIn, home }
}
