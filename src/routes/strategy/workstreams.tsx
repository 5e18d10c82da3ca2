import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { WorkstreamFormPage } from '../../../views/pages/strategy/pages'
import { WorkstreamPage } from '../../../views/pages/strategy/workstream'
import { createObjective, createWorkstream, updateWorkstream } from '../../db/queries/strategy'
import { readWorkstream } from '../../db/queries/strategy-pages'
import type { SignedInEnv } from '../../env'
import { actorOf } from '../../lib/authorise'
import { redirectAfterPost } from '../../lib/responses'
import { linkedDomainScores, summariseStrategy } from '../../lib/strategy'
import { type FieldErrors, type FormValues, many, validForm } from '../../lib/validation'
import { render } from '../render'
import { objectiveSchema, workstreamSchema } from './forms'
import { canManage, domains, manage, today, type WorkstreamEnv, withWorkstream } from './shared'

/** A workstream's page: its metrics, objectives and linked domains' scores, and a new objective's form. */
export async function renderWorkstream<E extends SignedInEnv>(
  c: Context<E>,
  workstreamId: string,
  form: { values: FormValues; errors: FieldErrors } = { values: {}, errors: {} },
) {
  const { db, organisation } = c.var
  const lists = await readWorkstream(db, organisation.id, workstreamId)
  const summary = summariseStrategy(lists, today(c)).workstreams[0]
  if (!summary) throw new HTTPException(404)
  const linked = domains.filter((d) => summary.workstream.linkedDomains.includes(d.key))
  const keys = linked.map((d) => d.key)
  const domainScores = await linkedDomainScores(db, organisation.id, keys, lists)
  return render(
    c,
    <WorkstreamPage
      summary={summary}
      domains={domains}
      domainScores={domainScores}
      canManage={canManage(c)}
      today={today(c)}
      form={form}
    />,
    { title: summary.workstream.name, errors: form.errors },
  )
}

function renderForm<E extends SignedInEnv>(
  c: Context<E>,
  form: { values: FormValues; chosen: readonly string[]; errors: FieldErrors },
  workstreamId?: string,
) {
  const heading = workstreamId ? 'Change the workstream' : 'Add a workstream'
  const action = workstreamId
    ? `/strategy/workstreams/${workstreamId}/edit`
    : '/strategy/workstreams/new'
  return render(
    c,
    <WorkstreamFormPage
      heading={heading}
      action={action}
      values={form.values}
      errors={form.errors}
      domains={domains}
      chosenDomains={form.chosen}
    />,
    { title: heading, errors: form.errors },
  )
}

/** The domains ticked on a form that did not pass, to show them ticked again. */
const chosenOf = async (c: Context) => many.parse((await c.req.parseBody({ all: true })).domains)

const changesOf = (form: { name: string; purpose: string; lead: string; domains: string[] }) => ({
  name: form.name,
  purpose: form.purpose,
  lead: form.lead,
  linkedDomains: form.domains,
})

export const workstreamRoutes = new Hono<SignedInEnv>()
  .get('/new', manage, (c) => renderForm(c, { values: {}, chosen: [], errors: {} }))
  .post(
    '/new',
    manage,
    validForm(workstreamSchema, async (c, errors, values) =>
      renderForm(c, { values, chosen: await chosenOf(c), errors }),
    ),
    async (c) => {
      const form = c.req.valid('form')
      const id = await createWorkstream(c.var.db, actorOf(c), changesOf(form))
      if (id) return redirectAfterPost(c, `/strategy/workstreams/${id}`)
      const { name, purpose, lead } = form
      const errors = { name: 'A workstream with this name already exists' }
      return renderForm(c, { values: { name, purpose, lead }, chosen: form.domains, errors })
    },
  )
  .get('/:id', (c) => renderWorkstream(c, c.req.param('id')))

/** What changes one workstream: each route has the workstream its path names, read once. */
export const workstreamChangeRoutes = new Hono<WorkstreamEnv>()
  .use('/:id/edit', manage, withWorkstream)
  .use('/:id/objectives', manage, withWorkstream)
  .get('/:id/edit', (c) => {
    const { id, name, purpose, lead, linkedDomains } = c.var.workstream
    return renderForm(c, { values: { name, purpose, lead }, chosen: linkedDomains, errors: {} }, id)
  })
  .post(
    '/:id/edit',
    validForm(workstreamSchema, async (c: Context<WorkstreamEnv>, errors, values) =>
      renderForm(c, { values, chosen: await chosenOf(c), errors }, c.var.workstream.id),
    ),
    async (c) => {
      const before = c.var.workstream
      await updateWorkstream(c.var.db, actorOf(c), before, changesOf(c.req.valid('form')))
      return redirectAfterPost(c, `/strategy/workstreams/${before.id}`)
    },
  )
  .post(
    '/:id/objectives',
    validForm(objectiveSchema, (c: Context<WorkstreamEnv>, errors, values) =>
      renderWorkstream(c, c.var.workstream.id, { values, errors }),
    ),
    async (c) => {
      const { id } = c.var.workstream
      await createObjective(c.var.db, actorOf(c), id, c.req.valid('form'))
      return redirectAfterPost(c, `/strategy/workstreams/${id}`)
    },
  )
