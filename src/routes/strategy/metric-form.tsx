import { type Context, Hono } from 'hono'
import { MetricFormPage } from '../../../views/pages/strategy/pages'
import { createMetric } from '../../db/queries/metrics'
import { actorOf } from '../../lib/authorise'
import { redirectAfterPost } from '../../lib/responses'
import { type FieldErrors, type FormValues, validForm } from '../../lib/validation'
import { render } from '../render'
import { metricSchema } from './forms'
import { manage, type WorkstreamEnv, withWorkstream } from './shared'

function renderMetricForm(
  c: Context<WorkstreamEnv>,
  { values, errors }: { values: FormValues; errors: FieldErrors },
) {
  const { workstream } = c.var
  return render(
    c,
    <MetricFormPage
      action={`/strategy/workstreams/${workstream.id}/metrics/new`}
      values={{ coverageTarget: '100', ...values }}
      errors={errors}
      workstreamName={workstream.name}
    />,
    { title: 'Add a metric', errors },
  )
}

/** Adding a metric to the workstream the path names. */
export const metricFormRoutes = new Hono<WorkstreamEnv>()
  .use('/:id/metrics/new', manage, withWorkstream)
  .get('/:id/metrics/new', (c) => renderMetricForm(c, { values: {}, errors: {} }))
  .post(
    '/:id/metrics/new',
    validForm(metricSchema, (c: Context<WorkstreamEnv>, errors, values) =>
      renderMetricForm(c, { values, errors }),
    ),
    async (c) => {
      const form = c.req.valid('form')
      const id = await createMetric(c.var.db, actorOf(c), c.var.workstream.id, {
        ...form,
        coverageTarget: form.scope === 'team' ? Number(form.coverageTarget || 100) : null,
        baseline: form.baseline === '' ? null : Number(form.baseline),
      })
      if (id) return redirectAfterPost(c, `/strategy/metrics/${id}`)
      const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]))
      return renderMetricForm(c, {
        values,
        errors: { name: 'A metric with this name already exists' },
      })
    },
  )
