import { HTTPException } from 'hono/http-exception'
import { getInstrument } from '../../db/queries/instruments'
import { dayOf } from '../../instruments/dates'
import type { Perspective } from '../../instruments/definition'
import { loadRound, may, onlyWho } from '../../lib/authorise'
import { signedInContext } from '../../lib/sessions'
import { questionnaireRoutes } from './questionnaire'
import { takesAnswers } from './respond'

/**
 * A facilitator's record of a group's consensus: one agreed rating per item, with the evidence and
 * any dissent, completed once. The group's record is the one response of its kind in the round.
 */
export const consensusRoutes = questionnaireRoutes(async (request) => {
  const c = signedInContext(request)
  const round = await loadRound(c)
  const group = round.groups.find((g) => g.id === c.req.param('groupId'))
  if (!group || round.mode !== 'consensus') throw new HTTPException(404)
  if (!may.facilitate(c.var.signedIn.grants, group))
    throw new HTTPException(403, { message: onlyWho.facilitate })
  const entry = await getInstrument(
    c.var.db,
    round.organisationId,
    round.instrumentSlug,
    round.instrumentVersion,
  )
  if (!entry) throw new HTTPException(404)
  const perspective = (round.perspectives[0] ?? 'staff') as Perspective
  return {
    base: `/rounds/${round.id}/consensus/${group.id}`,
    heading: { round: round.name, group: group.name },
    instrument: entry.instrument,
    perspective,
    consensus: true,
    kind: 'consensus',
    scope: {
      organisationId: round.organisationId,
      roundId: round.id,
      groupId: group.id,
      perspective,
    },
    responseId: `consensus:${round.id}:${group.id}`,
    open: takesAnswers(round, dayOf(c.var.now())),
  }
})
