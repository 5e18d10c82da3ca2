import { Hono } from 'hono'
import { z } from 'zod'
import { SetupPage } from '../../views/pages/setup/setup'
import { SetupForm } from '../../views/partials/setup/setup-form'
import { createFirstOrganisation, findFirstOrganisation } from '../db/queries/organisations'
import type { AppEnv } from '../env'
import { redirectAfterPost, render } from '../lib/htmx'
import { validForm } from '../lib/validation'

export const organisationNameMaxLength = 120

const setupSchema = z.object({
  name: z
    .string({ error: 'Enter the organisation name' })
    .trim()
    .min(1, 'Enter the organisation name')
    .max(
      organisationNameMaxLength,
      `Organisation name must be ${organisationNameMaxLength} characters or fewer`,
    ),
})

const title = 'Set up your organisation'

export const setupRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    if (await findFirstOrganisation(c.var.db)) return c.redirect('/', 303)
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
      await createFirstOrganisation(c.var.db, c.req.valid('form'))
      return redirectAfterPost(c, '/')
    },
  )
