import { Hono } from 'hono'
import { z } from 'zod'
import { CloseRoundPage } from '../../../views/pages/rounds/confirm'
import { RoundPage } from '../../../views/pages/rounds/round'
import { extendRound, moveRound } from '../../db/queries/rounds'
import type { SignedInEnv } from '../../env'
import { dayOf } from '../../instruments/dates'
import { actorOf, loadRound } from '../../lib/authorise'
import { redirectAfterPost } from '../../lib/responses'
import { isoDate, validForm } from '../../lib/validation'
import { render } from '../render'
import { roundPageProps } from './round-page'

const extendSchema = z.object({ closesOn: isoDate('Enter the new closing date') })

/** Opening a round, closing it (asked first) and moving its closing date on: for who runs it. */
export const roundLifecycleRoutes = new Hono<SignedInEnv>()
  .post('/:id/open', async (c) => {
    const round = await loadRound(c, 'manage')
    await moveRound(c.var.db, actorOf(c), round, 'open')
    return redirectAfterPost(c, `/rounds/${round.id}`)
  })
  .get('/:id/close', async (c) => {
    const round = await loadRound(c, 'manage')
    if (round.status !== 'open') return c.redirect(`/rounds/${round.id}`, 303)
    return render(c, <CloseRoundPage round={round} today={dayOf(c.var.now())} />, {
      title: `Close ${round.name}`,
    })
  })
  .post('/:id/close', async (c) => {
    const round = await loadRound(c, 'manage')
    await moveRound(c.var.db, actorOf(c), round, 'close')
    return redirectAfterPost(c, `/rounds/${round.id}`)
  })
  .post(
    '/:id/extend',
    validForm(extendSchema, async (c, errors, values) => {
      const round = await loadRound(c, 'manage')
      return render(c, <RoundPage {...(await roundPageProps(c, round, values, errors))} />, {
        title: `Error: ${round.name}`,
        status: 422,
      })
    }),
    async (c) => {
      const round = await loadRound(c, 'manage')
      const { closesOn } = c.req.valid('form')
      if (round.status !== 'open' || closesOn <= round.closesOn) {
        const errors = { closesOn: 'The new closing date must be after the current one' }
        return render(
          c,
          <RoundPage {...(await roundPageProps(c, round, { closesOn }, errors))} />,
          { title: `Error: ${round.name}`, status: 422 },
        )
      }
      await extendRound(c.var.db, actorOf(c), round, closesOn)
      return redirectAfterPost(c, `/rounds/${round.id}`)
    },
  )
