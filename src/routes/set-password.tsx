import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { ErrorPage } from '../../views/pages/errors/error'
import { SetPasswordForm, SetPasswordPage } from '../../views/pages/people/set-password'
import { getPasswordToken, setPasswordWithToken } from '../db/queries/password-links'
import { hashToken } from '../db/tokens'
import type { AppEnv } from '../env'
import { hashPassword, minimumPasswordLength } from '../lib/passwords'
import { redirectAfterPost } from '../lib/responses'
import { startSession } from '../lib/sign-in'
import type { FieldErrors } from '../lib/validation'
import { validForm } from '../lib/validation'
import { render } from './render'

const passwordSchema = z
  .object({
    password: z
      .string({ error: 'Create a password' })
      .min(minimumPasswordLength, `Password must be ${minimumPasswordLength} characters or more`)
      .max(200, 'Password must be 200 characters or fewer'),
    confirm: z.string().optional().default(''),
  })
  .refine((form) => form.password === form.confirm, {
    path: ['confirm'],
    message: 'The two passwords are not the same',
  })

async function loadToken(c: Context<AppEnv>) {
  const tokenHash = await hashToken(c.req.param('token') ?? '')
  return { tokenHash, found: await getPasswordToken(c.var.db, tokenHash, c.var.now()) }
}

const spent = (c: Context<AppEnv>) =>
  render(
    c,
    <ErrorPage
      heading="This link does not work"
      message="It has been used already or has expired. Ask your organisation's administrator for a new one."
    />,
    {
      title: 'This link does not work',
      status: 404,
    },
  )

async function renderForm(c: Context<AppEnv>, errors: FieldErrors) {
  const { found } = await loadToken(c)
  if (!found) return spent(c)
  const action = c.req.path
  return render(c, <SetPasswordPage name={found.name} action={action} errors={errors} />, {
    title: 'Error: Set your password',
    status: 422,
    fragment: <SetPasswordForm action={action} errors={errors} />,
  })
}

export const setPasswordRoutes = new Hono<AppEnv>()
  .get('/:token', async (c) => {
    const { found } = await loadToken(c)
    if (!found) return spent(c)
    return render(c, <SetPasswordPage name={found.name} action={c.req.path} errors={{}} />, {
      title: 'Set your password',
    })
  })
  .post(
    '/:token',
    validForm(passwordSchema, (c: Context<AppEnv>, errors) => renderForm(c, errors)),
    async (c) => {
      const { tokenHash, found } = await loadToken(c)
      if (!found) return spent(c)
      const hash = await hashPassword(c.req.valid('form').password, c.var.passwordCost)
      if (!(await setPasswordWithToken(c.var.db, tokenHash, found, hash, c.var.now())))
        return spent(c)
      await startSession(c, { organisationId: found.organisationId, personId: found.personId })
      return redirectAfterPost(c, '/')
    },
  )
