import { parseArgs } from 'node:util'
import { z } from 'zod'
import { createHostedOrganisation } from '../src/db/queries/hosting'
import { newPasswordToken, passwordLinkDays } from '../src/db/queries/password-links'
import { normaliseEmail } from '../src/db/queries/people'
import { fieldErrors, newOrganisationFields } from '../src/lib/validation'
import { openConfigured, serviceOrigin } from './database'

// What the operator's "Add an organisation" page does, from the command line:
// npm run org:create -- --name "Northmoor NHS Trust" --admin-name "Asha Patel" --admin-email asha@example.org
const { values } = parseArgs({
  options: {
    name: { type: 'string', default: '' },
    'admin-name': { type: 'string', default: '' },
    'admin-email': { type: 'string', default: '' },
  },
})
const parsed = z.object(newOrganisationFields).safeParse({
  name: values.name,
  adminName: values['admin-name'],
  email: values['admin-email'],
})
if (!parsed.success) {
  const option = { name: '--name', adminName: '--admin-name', email: '--admin-email' }
  for (const [field, message] of Object.entries(fieldErrors(parsed.error)))
    console.error(`${option[field as keyof typeof option] ?? field}: ${message}`)
  process.exit(1)
}
const { db, close } = await openConfigured()
const now = Date.now()
const { token, ...link } = await newPasswordToken(now)
const admin = { name: parsed.data.adminName, email: normaliseEmail(parsed.data.email) }
const made = await createHostedOrganisation(db, {
  name: parsed.data.name,
  admin,
  link,
  at: new Date(now),
})
close()
if (!made) {
  console.error(`--admin-email: someone on this service already signs in with ${admin.email}`)
  process.exit(1)
}
console.log(`${made.name} has been added. Give ${admin.name} this link to set their password;`)
console.log(`it works once, for ${passwordLinkDays} days:`)
console.log(`${serviceOrigin()}/set-password/${token}`)
