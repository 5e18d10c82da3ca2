import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { SettingsForm, SettingsPage } from '../../views/pages/settings/settings'
import { getRespondentContact } from '../db/queries/organisations'
import { getSsoSettings, saveSettings } from '../db/queries/sso'
import type { SignedInEnv } from '../env'
import { actorOf, requireThat } from '../lib/authorise'
import { redirectAfterPost } from '../lib/responses'
import { isLoopback } from '../lib/sso'
import { type FieldErrors, type FormValues, validForm } from '../lib/validation'
import { render } from './render'

const issuerUrl = z
  .string()
  .trim()
  .refine((value) => {
    if (value === '') return true
    try {
      const url = new URL(value)
      return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url))
    } catch {
      return false
    }
  }, 'Enter the issuer as an https address, like https://login.microsoftonline.com/your-tenant-id/v2.0')

const settingsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter the organisation name')
    .max(120, 'Organisation name must be 120 characters or fewer'),
  respondentContact: z
    .string()
    .trim()
    .max(300, 'Who to contact must be 300 characters or fewer')
    .optional()
    .default(''),
  issuer: issuerUrl.optional().default(''),
  clientId: z.string().trim().max(200).optional().default(''),
  clientSecret: z.string().max(500).optional().default(''),
})

async function renderSettings(c: Context<SignedInEnv>, values: FormValues, errors: FieldErrors) {
  const sso = await getSsoSettings(c.var.db, c.var.organisation.id)
  const props = {
    values,
    errors,
    hasSecret: Boolean(sso),
    redirectUri: new URL('/sign-in/sso/callback', c.req.url).toString(),
  }
  const invalid = Object.keys(errors).length > 0
  return render(c, <SettingsPage {...props} />, {
    title: invalid ? 'Error: Organisation settings' : 'Organisation settings',
    status: invalid ? 422 : 200,
    fragment: <SettingsForm {...props} />,
  })
}

export const settingsRoutes = new Hono<SignedInEnv>()
  .use(requireThat('administer'))
  .get('/', async (c) => {
    const [sso, respondentContact] = await Promise.all([
      getSsoSettings(c.var.db, c.var.organisation.id),
      getRespondentContact(c.var.db, c.var.organisation.id),
    ])
    return renderSettings(
      c,
      {
        name: c.var.organisation.name,
        respondentContact: respondentContact ?? '',
        issuer: sso?.issuer ?? '',
        clientId: sso?.clientId ?? '',
      },
      {},
    )
  })
  .post('/', validForm(settingsSchema, renderSettings), async (c) => {
    const form = c.req.valid('form')
    const before = {
      name: c.var.organisation.name,
      respondentContact: await getRespondentContact(c.var.db, c.var.organisation.id),
      sso: await getSsoSettings(c.var.db, c.var.organisation.id),
    }
    const errors: FieldErrors = {}
    const secret = form.clientSecret || before.sso?.clientSecret || ''
    if (form.issuer.startsWith('http:') && !c.var.ssoAllowLoopback)
      errors.issuer =
        'Enter the issuer as an https address, like https://login.microsoftonline.com/your-tenant-id/v2.0'
    if (form.issuer && !form.clientId)
      errors.clientId = 'Enter the client ID your identity provider gave you'
    if (form.issuer && !secret)
      errors.clientSecret = 'Enter the client secret your identity provider gave you'
    if (Object.keys(errors).length > 0) return renderSettings(c, form, errors)
    const sso = form.issuer
      ? { issuer: form.issuer, clientId: form.clientId, clientSecret: secret }
      : null
    const respondentContact = form.respondentContact || null
    await saveSettings(c.var.db, actorOf(c), { name: form.name, respondentContact, sso }, before)
    return redirectAfterPost(c, '/settings')
  })
