import { type Context, Hono } from 'hono'
import { OperatorSignInPage } from '../../../views/pages/operator/sign-in'
import { spendOperatorToken, usableOperatorTokenEmail } from '../../db/queries/operator'
import { hashToken } from '../../db/tokens'
import type { AppEnv } from '../../env'
import { endOperatorSession, startOperatorSession } from '../../lib/operator'
import { redirectAfterPost } from '../../lib/responses'
import { render } from '../render'

const title = 'Sign in as the service’s operator'

/** A link that is spent, out of time, unknown or made for another operator: gone. */
const refused = (c: Context<AppEnv>) =>
  render(c, <OperatorSignInPage action={c.req.path} usable={false} />, {
    title,
    status: 410,
    anonymous: true,
  })

/**
 * The operator's one-time sign-in link: opening it shows a button, pressing it spends the link
 * (once, however many presses arrive together) and signs the operator in.
 */
export const operatorSignInRoutes = new Hono<AppEnv>()
  .get('/sign-in/:token', async (c) => {
    const tokenHash = await hashToken(c.req.param('token'))
    const email = await usableOperatorTokenEmail(c.var.db, tokenHash, c.var.now())
    if (!email || email !== c.var.operatorEmail) return refused(c)
    return render(c, <OperatorSignInPage action={c.req.path} usable />, { title, anonymous: true })
  })
  .post('/sign-in/:token', async (c) => {
    const tokenHash = await hashToken(c.req.param('token'))
    const email = await spendOperatorToken(c.var.db, tokenHash, c.var.now())
    if (!email || email !== c.var.operatorEmail) return refused(c)
    await startOperatorSession(c, email)
    return redirectAfterPost(c, '/operator')
  })
  .post('/sign-out', async (c) => {
    await endOperatorSession(c)
    return redirectAfterPost(c, '/sign-in')
  })
