import { Hono } from 'hono'
import { CodePage } from '../../../views/pages/respond/code'
import type { Db } from '../../db/client'
import { getInvitation } from '../../db/queries/invitations'
import { invitationCodeOf } from '../../db/tokens'
import type { AppEnv } from '../../env'
import { render } from '../render'

export const notFound =
  'We could not find a questionnaire with this code. Check each letter and number against your card'

/** The problem with a typed code, or nothing when it opens a questionnaire. */
export async function codeProblem(db: Db, typed: string) {
  if (typed.trim() === '') return 'Enter the code from your card'
  const code = invitationCodeOf(typed)
  if (!code)
    return 'The code should be 12 letters and numbers, like K7QM 3XHP 9DRT. Check it against your card'
  if (!(await getInvitation(db, code))) return notFound
  return null
}

/** `/r`: typing the code from a printed card, instead of scanning it or following the link. */
export const codeRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const typed = c.req.query('code')
  if (typed === undefined)
    return render(c, <CodePage />, { title: 'Enter your code', anonymous: true })
  const problem = await codeProblem(c.var.db, typed)
  if (!problem) return c.redirect(`/r/${invitationCodeOf(typed)}`, 303)
  return render(c, <CodePage code={typed} error={problem} />, {
    title: 'Enter your code',
    errors: { code: problem },
    anonymous: true,
  })
})
