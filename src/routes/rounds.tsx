import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { RoundForm, RoundFormPage, type RoundFormProps } from '../../views/pages/rounds/form'
import { RoundListPage } from '../../views/pages/rounds/list'
import { RoundPage } from '../../views/pages/rounds/round'
import { listTeams } from '../db/queries/groups'
import { findInstrument, listInstruments } from '../db/queries/instruments'
import { getExecutiveGroup } from '../db/queries/organisations'
import {
  createRound,
  extendRound,
  getRound,
  listRounds,
  moveRound,
  roundDefaults,
} from '../db/queries/rounds'
import { roundModes } from '../db/schema'
import type { AppEnv } from '../env'
import { perspectiveLabels, perspectives } from '../instruments/definition'
import { actorOf, may, requireThat } from '../lib/authorise'
import { redirectAfterPost, render } from '../lib/htmx'
import { type FieldErrors, validForm } from '../lib/validation'
import { roundPageProps } from './round-page'

const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
export const isoDate = (missing: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, missing)
    .refine(
      (s) =>
        !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
        new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      'Enter a real date',
    )
const whole = (min: number, what: string) =>
  z.coerce
    .number({ error: `${what} must be a whole number` })
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${min}`)
    .max(10_000, `${what} must be 10,000 or fewer`)
const change = (what: string) =>
  z.coerce
    .number({ error: `${what} must be a number` })
    .gt(0, `${what} must be more than 0`)
    .max(100, `${what} must be 100 or less`)

const roundSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter the name of the round')
      .max(120, 'The name must be 120 characters or fewer'),
    instrument: z.string().min(1, 'Choose a questionnaire'),
    mode: z.enum(roundModes, { error: 'Choose how the round will be completed' }),
    perspectives: many.refine((a) => a.length > 0, 'Choose whose views the round asks for'),
    groups: many.refine((a) => a.length > 0, 'Choose at least one group'),
    opensOn: isoDate('Enter the opening date'),
    closesOn: isoDate('Enter the closing date'),
    anonymityThreshold: whole(3, 'The fewest responses for results'),
    commentThreshold: whole(5, 'The fewest responses for comments'),
    itemMid: change('The smallest change for a question'),
    teamMid: change('The smallest change for a team'),
  })
  .refine((r) => r.closesOn >= r.opensOn, {
    path: ['closesOn'],
    message: 'The closing date must be on or after the opening date',
  })

async function formChoices(c: Context<AppEnv>) {
  const { db, organisation } = c.var
  const grants = c.var.signedIn?.grants ?? []
  const [catalogue, executive, teams] = await Promise.all([
    listInstruments(db, organisation.id),
    getExecutiveGroup(db, organisation.id),
    listTeams(db, organisation.id),
  ])
  const groups = [...(executive ? [executive] : []), ...teams.filter((t) => !t.archivedAt)]
  return {
    instruments: catalogue
      .filter((e) => e.instrument.status === 'active')
      .map(({ instrument: i }) => ({
        value: `${i.slug}@${i.version}`,
        text: `${i.title} (version ${i.version})`,
      })),
    groups: groups
      .filter((g) => may.runGroup(grants, g.id))
      .map((g) => ({ value: g.id, text: g.name })),
    perspectives: perspectives.map((p) => ({ value: p, text: perspectiveLabels[p] })),
  }
}

async function renderRoundForm(
  c: Context<AppEnv>,
  values: RoundFormProps['values'],
  errors: FieldErrors,
) {
  const props = { ...(await formChoices(c)), values, errors }
  const invalid = Object.keys(errors).length > 0
  return render(c, <RoundFormPage {...props} />, {
    title: invalid ? 'Error: Create a round' : 'Create a round',
    status: invalid ? 422 : 200,
    fragment: <RoundForm {...props} />,
  })
}

async function submittedValues(c: Context<AppEnv>): Promise<RoundFormProps['values']> {
  const body = await c.req.parseBody({ all: true })
  const text = Object.fromEntries(
    Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
  )
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [])
  return { ...text, groups: list(body.groups), perspectives: list(body.perspectives) }
}

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
