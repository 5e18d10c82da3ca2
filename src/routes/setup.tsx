import { Hono } from 'hono'
import { z } from 'zod'
import { SetupPage } from '../../views/pages/setup/setup'
import { SetupForm } from '../../views/partials/setup/setup-form'
import { createFirstOrganisation, getFirstOrganisation } from '../db/queries/organisations'
import { normaliseEmail } from '../db/queries/people'
import type { AppEnv } from '../env'
import { hashPassword, minimumPasswordLength } from '../lib/passwords'
import { redirectAfterPost } from '../lib/responses'
import { startSession } from '../lib/sign-in'
import { validForm } from '../lib/validation'
import { render } from './render'

export const organisationNameMaxLength = 120

const text = (blank: string, max: number, tooLong: string) =>
  z.string({ error: blank }).trim().min(1, blank).max(max, tooLong)

const emailFormat = 'Enter an email address in the correct format, like name@example.com'

const setupSchema = z.object({
  name: text(
    'Enter the organisation name',
    organisationNameMaxLength,
    `Organisation name must be ${organisationNameMaxLength} characters or fewer`,
  ),
  adminName: text('Enter your name', 120, 'Your name must be 120 characters or fewer'),
  email: z
    .string({ error: emailFormat })
    .trim()
    .pipe(
      z.email({ error: emailFormat }).max(254, 'Email address must be 254 characters or fewer'),
    ),
  password: z
    .string({ error: 'Create a password' })
    .min(minimumPasswordLength, `Password must be ${minimumPasswordLength} characters or more`)
    .max(200, 'Password must be 200 characters or fewer'),
})

const title = 'Set up your organisation'

export const setupRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    if (await getFirstOrganisation(c.var.db)) return c.redirect('/', 303)
    return render(c, <SetupPage values={{}} errors={{}} />, { title })
  })
  .post(
    '/',
    validForm(setupSchema, (c, errors, values) =>
      render(c, <SetupPage values={values} errors={errors} />, {
        title: `Error: ${title}`,
        status: 422,
        fragment: <SetupForm values={values} errors={errors} />,
      }),
    ),
    async (c) => {
      const { name, adminName, email, password } = c.req.valid('form')
      const created = await createFirstOrganisation(c.var.db, {
        name,
        admin: {
          name: adminName,
          email: normaliseEmail(email),
          passwordHash: await hashPassword(password, c.var.passwordCost),
        },
        now: new Date(c.var.now()),
      })
      if (created)
        await startSession(c, {
          organisationId: created.organisation.id,
          personId: created.adminId,
        })
      return redirectAfterPost(c, '/')
    },
  )
