import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { type NewPasswordLink, newPasswordToken } from '../../db/queries/password-links'
import { getPerson } from '../../db/queries/people'
import type { SignedInEnv } from '../../env'
import { roles } from '../../instruments/enums'
import { emailField } from '../../lib/validation'

/** The person the path names, in the organisation; none is a 404. */
export async function loadPerson(c: Context<SignedInEnv>) {
  const person = await getPerson(c.var.db, c.var.organisation.id, c.req.param('id') ?? '')
  if (!person) throw new HTTPException(404)
  return person
}

/** A new link to set a password: its token, the token's hash, when it expires and where it is kept. */
export async function newLink(c: Context<SignedInEnv>): Promise<NewPasswordLink> {
  return { ...(await newPasswordToken(c.var.now())), keptAs: crypto.randomUUID() }
}

export const keptPath = (personId: string, link: NewPasswordLink) =>
  `/people/${personId}/password-link/${link.keptAs}`

/** A role to grant: its name, and its team for a team lead. */
export const roleSchema = z.object({
  role: z.enum(roles, { error: 'Choose a role' }),
  groupId: z.string().optional().default(''),
})
/** A person to add: their name, email address and first role. */
export const personSchema = roleSchema.extend({
  name: z
    .string()
    .trim()
    .min(1, 'Enter their name')
    .max(120, 'Name must be 120 characters or fewer'),
  email: emailField,
})
