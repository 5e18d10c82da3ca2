import { type Context, Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { CoordinatorPage } from '../../../views/pages/networks/coordinator'
import {
  currentMembers,
  freeze,
  getNetwork,
  invitationChoices,
  invite,
  listCoordinated,
  listPeriods,
  type Network,
} from '../../db/network-store'
import { memberContributions } from '../../db/queries/network-figures'
import type { SignedInEnv } from '../../env'
import { dayOf } from '../../instruments/dates'
import { endedPeriods, isPeriod, type PeriodMonths, periodRange } from '../../instruments/network'
import { actorOf } from '../../lib/authorise'
import { redirectAfterPost } from '../../lib/responses'
import { validForm } from '../../lib/validation'
import { render } from '../render'
import { measureLabelOf } from './labels'

type NetworkEnv = {
  Bindings: SignedInEnv['Bindings']
  Variables: SignedInEnv['Variables'] & { network: Network }
}

const onlyCoordinators =
  'Only a network’s coordinator can invite organisations to it or publish its figures. The people who run this service name the coordinator.'

/**
 * The network the path names, when the signed-in person coordinates it: someone who coordinates no
 * network is refused (403), and a network that is not theirs reads as unknown (404).
 */
const coordinated = createMiddleware<NetworkEnv>(async (c, next) => {
  const person = c.var.signedIn.person.id
  const organisationId = c.var.organisation.id
  const found = await getNetwork(c.var.db, c.req.param('id') ?? '')
  const network =
    found?.coordinatorId === person && found.coordinatorOrganisationId === organisationId
      ? found
      : null
  if (!network) {
    // Only a refusal asks whether they coordinate anything, to say why.
    const theirs = await listCoordinated(c.var.db, organisationId, person)
    throw theirs.length === 0
      ? new HTTPException(403, { message: onlyCoordinators })
      : new HTTPException(404)
  }
  c.set('network', network)
  await next()
})

const months = (network: Network) => network.periodMonths as PeriodMonths

/** How many ended periods a coordinator may choose from to publish. */
const periodsOffered = 6

async function renderCoordinator(c: Context<NetworkEnv>) {
  const network = c.var.network
  const [members, choices, periods] = await Promise.all([
    currentMembers(c.var.db, network.id),
    invitationChoices(c.var.db, network.id),
    listPeriods(c.var.db, network.id),
  ])
  const published = new Set(periods.map((p) => p.period))
  const freezable = endedPeriods(dayOf(c.var.now()), months(network), periodsOffered).filter(
    (p) => !published.has(p),
  )
  const page = (
    <CoordinatorPage
      network={network}
      members={members.length}
      invited={choices.invited}
      invitable={choices.invitable}
      freezable={freezable}
      periods={periods}
      label={measureLabelOf}
    />
  )
  return render(c, page, { title: network.name })
}

const inviteSchema = z.object({ organisationId: z.string().min(1) })
const publishSchema = z.object({ period: z.string().min(4).max(7) })
const refuse = () => {
  throw new HTTPException(404)
}

/** What the coordinator of a network sees and does. */
export const coordinatorRoutes = new Hono<NetworkEnv>()
  .use('/:id', coordinated)
  .use('/:id/*', coordinated)
  .get('/:id', renderCoordinator)
  .post('/:id/invite', validForm(inviteSchema, refuse), async (c) => {
    const { invitable } = await invitationChoices(c.var.db, c.var.network.id)
    const chosen = invitable.find((o) => o.id === c.req.valid('form').organisationId)
    if (!chosen) throw new HTTPException(404)
    await invite(c.var.db, actorOf(c), c.var.network, chosen.id)
    return redirectAfterPost(c, `/networks/run/${c.var.network.id}`)
  })
  .post('/:id/publish', validForm(publishSchema, refuse), async (c) => {
    const { period } = c.req.valid('form')
    const network = c.var.network
    // Only a period of the network's length that has ended, among those offered.
    const ended = endedPeriods(dayOf(c.var.now()), months(network), periodsOffered)
    if (!isPeriod(period, months(network)) || !ended.includes(period)) throw new HTTPException(404)
    const contributions = await memberContributions(c.var.db, network.id, periodRange(period))
    await freeze(c.var.db, network, period, contributions, new Date(c.var.now()))
    return redirectAfterPost(c, `/networks/run/${network.id}`)
  })
