import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { NewNetworkForm, NewNetworkPage } from '../../../views/pages/operator/new-network'
import { createNetwork } from '../../db/network-store'
import { getPersonByEmail, normaliseEmail } from '../../db/queries/people'
import type { AppEnv } from '../../env'
import { kOrgDefault, kOrgMinimum, type PeriodMonths } from '../../instruments/network'
import { requireOperator } from '../../lib/operator'
import { redirectAfterPost } from '../../lib/responses'
import {
  emailField,
  type FieldErrors,
  type FormValues,
  requiredText,
  validForm,
} from '../../lib/validation'
import { render } from '../render'

const networkSchema = z.object({
  name: requiredText('the network’s name', 120),
  coordinatorEmail: emailField,
  kOrg: z.coerce
    .number({ error: `Enter a whole number, ${kOrgMinimum} or more` })
    .int(`Enter a whole number, ${kOrgMinimum} or more`)
    .min(kOrgMinimum, `A network figure needs at least ${kOrgMinimum} organisations behind it`)
    .max(1000, 'Enter a number of 1,000 or fewer')
    .default(kOrgDefault),
  periodMonths: z.enum(['3', '6', '12'], { error: 'Choose how long each period is' }).default('6'),
})

const renderForm = (c: Context<AppEnv>, values: FormValues, errors: FieldErrors) =>
  render(c, <NewNetworkPage values={values} errors={errors} />, {
    title: 'Add a network',
    errors,
    fragment: <NewNetworkForm values={values} errors={errors} />,
  })

/** The operator makes a network and names its coordinator. */
export const operatorNetworkRoutes = new Hono<AppEnv>()
  .use('/networks/*', requireOperator())
  .get('/networks/new', (c) => renderForm(c, {}, {}))
  .post(
    '/networks/new',
    validForm<typeof networkSchema, AppEnv>(networkSchema, (c, errors, values) =>
      renderForm(c, values, errors),
    ),
    async (c) => {
      const form = c.req.valid('form')
      const values = { ...form, kOrg: String(form.kOrg) }
      const periodMonths = Number(form.periodMonths) as PeriodMonths
      const coordinator = await getPersonByEmail(c.var.db, normaliseEmail(form.coordinatorEmail))
      if (!coordinator || coordinator.status === 'disabled')
        return renderForm(c, values, {
          coordinatorEmail: 'No one signs in to this service with this email address',
        })
      const made = await createNetwork(c.var.db, {
        name: form.name,
        kOrg: form.kOrg,
        periodMonths,
        coordinator: { organisationId: coordinator.organisationId, personId: coordinator.id },
        at: new Date(c.var.now()),
      })
      if (!made) return renderForm(c, values, { name: 'A network already has this name' })
      return redirectAfterPost(c, '/operator')
    },
  )
