import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { MemberNetworksPage } from '../../../views/pages/networks/member'
import {
  answerInvitation,
  getNetworkOf,
  leaveNetwork,
  listCoordinated,
  listMemberships,
  listOpenInvitations,
  listPeriods,
} from '../../db/network-store'
import { ownFigures } from '../../db/queries/network-figures'
import type { SignedInEnv } from '../../env'
import { periodRange, standingWords } from '../../instruments/network'
import { actorOf, may, onlyWho, requireThat } from '../../lib/authorise'
import { redirectAfterPost } from '../../lib/responses'
import { validForm } from '../../lib/validation'
import { render } from '../render'
import { measureLabelOf } from './labels'

/** A member's networks: its own figures beside each published period's distributions. */
async function memberNetworks(c: Context<SignedInEnv>) {
  const db = c.var.db
  const organisationId = c.var.organisation.id
  const networks = await listMemberships(db, organisationId)
  return Promise.all(
    networks.map(async (network) => {
      const periods = await listPeriods(db, network.id)
      return {
        id: network.id,
        name: network.name,
        kOrg: network.kOrg,
        periods: await Promise.all(
          periods.map(async (p) => {
            const own = await ownFigures(db, organisationId, periodRange(p.period))
            const rows = Object.keys(p.measures)
              .sort()
              .map((measure) => {
                const distribution = p.measures[measure]
                const value = own.get(measure)
                return {
                  measure,
                  label: measureLabelOf(measure),
                  distribution,
                  own: value,
                  standing:
                    value !== undefined && distribution?.shown
                      ? standingWords(value, distribution)
                      : '',
                }
              })
            return { period: p.period, rows }
          }),
        ),
      }
    }),
  )
}

const answerSchema = z.object({ answer: z.enum(['accept', 'decline']) })

/** What a member organisation sees of its networks, and what its admin answers. */
export const memberNetworkRoutes = new Hono<SignedInEnv>()
  .get('/', async (c) => {
    const grants = c.var.signedIn.grants
    const coordinated = await listCoordinated(
      c.var.db,
      c.var.organisation.id,
      c.var.signedIn.person.id,
    )
    const sees = may.seeNetworks(grants)
    if (!sees && coordinated.length === 0)
      throw new HTTPException(403, { message: onlyWho.seeNetworks })
    const [invitations, networks] = sees
      ? await Promise.all([listOpenInvitations(c.var.db, c.var.organisation.id), memberNetworks(c)])
      : [[], []]
    const page = (
      <MemberNetworksPage
        coordinated={coordinated}
        invitations={invitations.map((n) => ({ id: n.id, name: n.name }))}
        networks={networks}
        canAnswer={may.administer(grants)}
      />
    )
    return render(c, page, { title: 'Networks' })
  })
  .post(
    '/:id/answer',
    requireThat('administer'),
    validForm(answerSchema, () => {
      throw new HTTPException(404)
    }),
    async (c) => {
      const network = await getNetworkOf(c.var.db, c.req.param('id'), c.var.organisation.id)
      if (!network) throw new HTTPException(404)
      await answerInvitation(c.var.db, actorOf(c), network, c.req.valid('form').answer === 'accept')
      return redirectAfterPost(c, '/networks')
    },
  )
  .post('/:id/leave', requireThat('administer'), async (c) => {
    const network = await getNetworkOf(c.var.db, c.req.param('id'), c.var.organisation.id)
    if (!network) throw new HTTPException(404)
    await leaveNetwork(c.var.db, actorOf(c), network)
    return redirectAfterPost(c, '/networks')
  })
