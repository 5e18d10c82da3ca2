import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { CodePage } from '../../../views/pages/respond/code'
import { getInstrument } from '../../db/queries/instruments'
import { getInvitation } from '../../db/queries/invitations'
import { invitationCodeOf } from '../../db/tokens'
import type { AppEnv } from '../../env'
import { dayOf } from '../../instruments/dates'
import type { Perspective } from '../../instruments/definition'
import { render } from '../render'
import { notFound } from './code'
import { questionnaireRoutes } from './questionnaire'

/** Whether a round takes answers on a date: opened, not closed, and not past its closing date. */
export const takesAnswers = (round: { status: string; closesOn: string }, today: string) =>
  round.status === 'open' && today <= round.closesOn

/**
 * A respondent's questionnaire at `/r/{token}`, open to anyone holding the link. The link's
 * invitation gives the organisation, round, group and perspective. While in progress its response
 * is filed under a second digest of the token, so the link can resume it; on submission it moves to
 * a random key, so nothing kept afterwards joins the link to the answers.
 */
const respondToLink = questionnaireRoutes(async (c) => {
  const token = c.req.param('token') ?? ''
  const found = await getInvitation(c.var.db, token)
  if (!found) {
    throw new HTTPException(404, {
      res: await render(c, <CodePage code={token} error={notFound} />, {
        title: 'Enter your code',
        status: 404,
        anonymous: true,
      }),
    })
  }
  const { invitation, round, group } = found
  const organisationId = invitation.organisationId
  const entry = await getInstrument(
    c.var.db,
    organisationId,
    round.instrumentSlug,
    round.instrumentVersion,
  )
  if (!entry) throw new HTTPException(404)
  return {
    base: `/r/${token}`,
    heading: { round: round.name, group: group.name },
    instrument: entry.instrument,
    perspective: invitation.perspective as Perspective,
    consensus: false,
    kind: 'individual',
    scope: {
      organisationId,
      roundId: round.id,
      groupId: group.id,
      perspective: invitation.perspective,
    },
    responseId: found.responseId,
    response: found.response,
    open: takesAnswers(round, dayOf(c.var.now())),
    window: {
      opensOn: round.status === 'draft' ? round.opensOn : undefined,
      overdue: round.status === 'draft' && round.opensOn < dayOf(c.var.now()),
      closedOn: round.closedAt?.slice(0, 10) ?? round.closesOn,
    },
    threshold: round.anonymityThreshold,
    invitationHash: invitation.tokenHash,
    submitted: invitation.used,
  }
})

/**
 * The questionnaire behind a link. A code typed or scanned in another form (small letters, spaces,
 * no dashes) goes to its one written form first, so that it finds the same answers.
 */
export const respondRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    const token = c.req.param('token') ?? ''
    const code = invitationCodeOf(token)
    if (code && code !== token) {
      // The path is /r/{token}/...: what follows the token stays as it was.
      const rest = c.req.path.split('/').slice(3)
      return c.redirect(['', 'r', code, ...rest].join('/'), c.req.method === 'GET' ? 302 : 307)
    }
    await next()
  })
  .route('/', respondToLink)
