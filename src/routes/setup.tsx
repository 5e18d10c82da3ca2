import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { SetupPage } from '../../views/pages/setup/setup'
import { SetupForm } from '../../views/partials/setup/setup-form'
import { createFirstOrganisation, getFirstOrganisation } from '../db/queries/organisations'
import { normaliseEmail } from '../db/queries/people'
import type { AppEnv } from '../env'
import { hashPassword, minimumPasswordLength } from '../lib/passwords'
import { redirectAfterPost } from '../lib/responses'
import { startSession } from '../lib/sign-in'
import { newOrganisationFields, validForm } from '../lib/validation'
import { render } from './render'

const setupSchema = z.object({
  ...newOrganisationFields,
  adminName: z
    .string({ error: 'Enter your name' })
    .trim()
    .min(1, 'Enter your name')
    .max(120, 'Your name must be 120 characters or fewer'),
  password: z
    .string({ error: 'Create a password' })
    .min(minimumPasswordLength, `Password must be ${minimumPasswordLength} characters or more`)
    .max(200, 'Password must be 200 characters or fewer'),
})

const title = 'Set up your organisation'

export const setupRoutes = new Hono<AppEnv>()
  // A service with an operator has its organisations made by the operator: setup is not there.
  .use(async (c, next) => {
    if (c.var.operatorEmail) throw new HTTPException(404)
    await next()
  })
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
