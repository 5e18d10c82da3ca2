import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { SignInForm, SignInPage, SsoForm } from '../../../views/pages/sign-in/sign-in'
import { deleteSession, touchSession } from '../../db/queries/sessions'
import type { AppEnv } from '../../env'
import { redirectAfterPost } from '../../lib/responses'
import { clearSessionCookie } from '../../lib/sessions'
import { signIn } from '../../lib/sign-in'
import type { FieldErrors, FormValues } from '../../lib/validation'
import { validForm } from '../../lib/validation'
import { render } from '../render'

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address'),
  password: z.string().min(1, 'Enter your password'),
})

const ownOrigin = 'https://this-service.invalid'

/**
 * Only a path of this service is followed after sign-in, never another site: the path is read as
 * a browser reads it (backslashes as slashes, tabs and line breaks dropped), and given back only
 * if it stays on this origin, as the path the browser would have gone to.
 */
export function safeNext(next: string | undefined): string {
  if (!next?.startsWith('/')) return '/'
  try {
    const url = new URL(next, ownOrigin)
    // A path that resolves to begin "//" (from "/.//x", say) would be read as another site.
    const path = `/${url.pathname.replace(/^\/+/, '')}`
    return url.origin === ownOrigin ? `${path}${url.search}${url.hash}` : '/'
  } catch {
    return '/'
  }
}

/** The sign-in page; for htmx, only the form that was sent (password or single sign-on). */
export function renderSignIn(
  c: Context<AppEnv>,
  values: FormValues,
  errors: FieldErrors,
  status: 200 | 422 | 429,
) {
  const next = encodeURIComponent(safeNext(c.req.query('next')))
  const shown = { email: values.email ?? '', ssoEmail: values.ssoEmail ?? '' }
  const props = { action: `/sign-in?next=${next}`, values: shown, errors }
  const sso = { ...props, action: `/sign-in/sso?next=${next}` }
  return render(c, <SignInPage {...props} ssoAction={sso.action} />, {
    title: status === 200 ? 'Sign in' : 'Error: Sign in',
    status,
    fragment: errors.ssoEmail ? <SsoForm {...sso} /> : <SignInForm {...props} />,
  })
}

export const signInRoutes = new Hono<AppEnv>()
  .get('/sign-in', (c) => (c.var.signedIn ? c.redirect('/', 303) : renderSignIn(c, {}, {}, 200)))
  .post(
    '/sign-in',
    validForm(signInSchema, (c: Context<AppEnv>, errors, values) =>
      renderSignIn(c, values, errors, 422),
    ),
    async (c) => {
      const { email, password } = c.req.valid('form')
      const outcome = await signIn(c, email, password)
      if (outcome === 'signed-in') return redirectAfterPost(c, safeNext(c.req.query('next')))
      const message =
        outcome === 'locked'
          ? 'There have been too many attempts to sign in to this account. Wait 15 minutes, then try again.'
          : 'The email address or password is not right'
      return renderSignIn(c, { email }, { email: message }, outcome === 'locked' ? 429 : 422)
    },
  )
  .post('/session/extend', async (c) => {
    if (c.var.signedIn) await touchSession(c.var.db, c.var.signedIn.tokenHash, c.var.now())
    if (c.req.header('HX-Request') === 'true') return c.body(null, 204)
    return c.redirect(safeNext(c.req.query('next')), 303)
  })
  .post('/sign-out', async (c) => {
    if (c.var.signedIn) await deleteSession(c.var.db, c.var.signedIn.tokenHash)
    clearSessionCookie(c)
    return redirectAfterPost(c, '/sign-in')
  })
