import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import {
  NewOrganisationForm,
  NewOrganisationPage,
  OrganisationMadePage,
} from '../../../views/pages/operator/new-organisation'
import { OrganisationsPage } from '../../../views/pages/operator/organisations'
import { listNetworks } from '../../db/network-store'
import {
  createHostedOrganisation,
  getHostedOrganisation,
  listHostedOrganisations,
  setSuspended,
} from '../../db/queries/hosting'
import { newPasswordToken, passwordLinkDays } from '../../db/queries/password-links'
import { normaliseEmail } from '../../db/queries/people'
import type { AppEnv } from '../../env'
import { requireOperator } from '../../lib/operator'
import { redirectAfterPost } from '../../lib/responses'
import {
  type FieldErrors,
  type FormValues,
  newOrganisationFields,
  validForm,
} from '../../lib/validation'
import { render } from '../render'

const organisationSchema = z.object(newOrganisationFields)

const emailTaken = 'Someone on this service already signs in with this email address'

const renderForm = (c: Parameters<typeof render>[0], values: FormValues, errors: FieldErrors) =>
  render(c, <NewOrganisationPage values={values} errors={errors} />, {
    title: 'Add an organisation',
    errors,
    fragment: <NewOrganisationForm values={values} errors={errors} />,
  })

/** Suspends or restores the organisation the path names, then goes back to the list. */
const suspension = (suspend: boolean) =>
  async function changeSuspension(c: Context<AppEnv>) {
    const found = await getHostedOrganisation(c.var.db, c.req.param('id') ?? '')
    if (!found) throw new HTTPException(404)
    await setSuspended(c.var.db, { organisationId: found.id, suspend, at: new Date(c.var.now()) })
    return redirectAfterPost(c, '/operator')
  }

/** What the service's operator does: every organisation, a new one, suspending and restoring. */
export const operatorOrganisationRoutes = new Hono<AppEnv>()
  .use('/', requireOperator())
  .use('/organisations/*', requireOperator())
  .get('/', async (c) => {
    const [organisations, networks] = await Promise.all([
      listHostedOrganisations(c.var.db),
      listNetworks(c.var.db),
    ])
    const email = c.var.operator?.email ?? ''
    const page = (
      <OrganisationsPage organisations={organisations} networks={networks} email={email} />
    )
    return render(c, page, {
      title: 'Organisations on this service',
    })
  })
  .get('/organisations/new', (c) => renderForm(c, {}, {}))
  .post(
    '/organisations/new',
    validForm<typeof organisationSchema, AppEnv>(organisationSchema, (c, errors, values) =>
      renderForm(c, values, errors),
    ),
    async (c) => {
      const form = c.req.valid('form')
      const now = c.var.now()
      const { token, ...link } = await newPasswordToken(now)
      const admin = { name: form.adminName, email: normaliseEmail(form.email) }
      const made = await createHostedOrganisation(c.var.db, {
        name: form.name,
        admin,
        link,
        at: new Date(now),
      })
      if (!made) return renderForm(c, form, { email: emailTaken })
      const page = (
        <OrganisationMadePage
          organisation={made.name}
          adminName={admin.name}
          link={`${c.var.origin}/set-password/${token}`}
          days={passwordLinkDays}
        />
      )
      return render(c, page, { title: `${made.name} has been added` })
    },
  )
  .post('/organisations/:id/suspend', suspension(true))
  .post('/organisations/:id/restore', suspension(false))
