import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { RoundListPage } from '../../views/pages/rounds/list'
import { RoundPage } from '../../views/pages/rounds/round'
import { findInstrument } from '../db/queries/instruments'
import {
  createRound,
  extendRound,
  getRound,
  listRounds,
  moveRound,
  roundDefaults,
} from '../db/queries/rounds'
import type { AppEnv } from '../env'
import { actorOf, may, requireThat } from '../lib/authorise'
import { redirectAfterPost, render } from '../lib/htmx'
import { formChoices, renderRoundForm, roundSchema, submittedValues } from '../lib/round-form'
import { type FieldErrors, isoDate, validForm } from '../lib/validation'
import { roundPageProps } from './round-page'

export async function loadRound(c: Context<AppEnv>) {
  const round = await getRound(c.var.db, c.var.organisation.id, c.req.param('id') ?? '')
  if (!round) throw new HTTPException(404)
  if (
    !may.seeRound(
      c.var.signedIn?.grants ?? [],
      round.groups.map((g) => g.id),
    )
  )
    throw new HTTPException(403)
  return round
}

async function loadManagedRound(c: Context<AppEnv>) {
  const round = await loadRound(c)
  if (
    !may.manageRound(
      c.var.signedIn?.grants ?? [],
      round.groups.map((g) => g.id),
    )
  )
    throw new HTTPException(403)
  return round
}

const extendSchema = z.object({ closesOn: isoDate('Enter the new closing date') })

export const roundsRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const grants = c.var.signedIn?.grants ?? []
    const rounds = (await listRounds(c.var.db, c.var.organisation.id)).filter((r) =>
      may.seeRound(grants, r.groupIds),
    )
    return render(c, <RoundListPage rounds={rounds} canCreate={may.createRounds(grants)} />, {
      title: 'Assessment rounds',
    })
  })
  .get('/new', requireThat(may.createRounds), (c) =>
    renderRoundForm(
      c,
      {
        mode: 'individual',
        anonymityThreshold: String(roundDefaults.anonymityThreshold),
        commentThreshold: String(roundDefaults.commentThreshold),
        itemMid: String(roundDefaults.itemMid),
        teamMid: String(roundDefaults.teamMid),
      },
      {},
    ),
  )
  .post(
    '/new',
    requireThat(may.createRounds),
    validForm(roundSchema, async (c, errors) =>
      renderRoundForm(c, await submittedValues(c), errors),
    ),
    async (c) => {
      const form = c.req.valid('form')
      const errors: FieldErrors = {}
      const [slug = '', version = ''] = form.instrument.split('@')
      const entry = await findInstrument(c.var.db, c.var.organisation.id, slug, Number(version))
      if (entry?.instrument.status !== 'active')
        errors.instrument = 'Choose a questionnaire from the list'
      const missing = form.perspectives.filter(
        (p) => !entry?.instrument.perspectives.includes(p as never),
      )
      if (entry && missing.length > 0)
        errors.perspectives = `${entry.instrument.title} has no wording for: ${missing.join(', ')}`
      const allowed = new Set((await formChoices(c)).groups.map((g) => g.value))
      if (form.groups.some((g) => !allowed.has(g))) errors.groups = 'Choose groups from the list'
      if (Object.keys(errors).length > 0)
        return renderRoundForm(c, await submittedValues(c), errors)
      const { instrument: _, groups, ...settings } = form
      const id = await createRound(
        c.var.db,
        actorOf(c),
        { ...settings, instrumentSlug: slug, instrumentVersion: Number(version) },
        groups,
      )
      return redirectAfterPost(c, `/rounds/${id}`)
    },
  )
  .get('/:id', async (c) => {
    const round = await loadRound(c)
    return render(c, <RoundPage {...(await roundPageProps(c, round, {}, {}))} />, {
      title: round.name,
    })
  })
  .post('/:id/open', async (c) => {
    const round = await loadManagedRound(c)
    await moveRound(c.var.db, actorOf(c), round, 'open')
    return redirectAfterPost(c, `/rounds/${round.id}`)
  })
  .post('/:id/close', async (c) => {
    const round = await loadManagedRound(c)
    await moveRound(c.var.db, actorOf(c), round, 'close')
    return redirectAfterPost(c, `/rounds/${round.id}`)
  })
  .post(
    '/:id/extend',
    validForm(extendSchema, async (c, errors, values) => {
      const round = await loadManagedRound(c)
      return render(c, <RoundPage {...(await roundPageProps(c, round, values, errors))} />, {
        title: `Error: ${round.name}`,
        status: 422,
      })
    }),
    async (c) => {
      const round = await loadManagedRound(c)
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
