import { addOperatorToken } from '../../src/db/queries/operator'
import { hashToken, newToken } from '../../src/db/tokens'
import type { Harness } from '../harness/types'
import { type FormFields, postForm } from './requests'

export const operatorEmail = 'service.desk@hosting.example'

/** A sign-in link's token for the operator, kept as `npm run operator:link` keeps it. */
export async function operatorToken(
  h: Harness,
  { email = operatorEmail, expiresAt = Date.now() + 3_600_000 } = {},
) {
  const token = newToken()
  await addOperatorToken(h.db, { tokenHash: await hashToken(token), email, expiresAt })
  return token
}

/** The operator's cookie a response sets, as a Cookie header sends it back. */
export function operatorCookie(res: Response): string | undefined {
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith('operator='))
    ?.split(';')[0]
}

/** Requests made as the operator, signed in with a new link. */
export async function signInOperator(h: Harness) {
  const res = await postForm(h.app, `/operator/sign-in/${await operatorToken(h)}`, {})
  const cookie = operatorCookie(res)
  if (!cookie) throw new Error(`The operator was not signed in (${res.status})`)
  return {
    cookie,
    get: (path: string) => h.app.request(path, { headers: { Cookie: cookie } }),
    post: (path: string, fields: FormFields = {}) =>
      postForm(h.app, path, fields, { Cookie: cookie }),
  }
}

/** The first admin's set-password link on the page that adds an organisation. */
export function adminLinkIn(page: string) {
  const path = /<code id="admin-link">https?:\/\/[^/]+(\/set-password\/[\w-]+)<\/code>/.exec(
    page,
  )?.[1]
  if (!path) throw new Error('No admin link on the page')
  return path
}
