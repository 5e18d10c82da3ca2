import { type Context, Hono } from 'hono'
import { MetricPage, noteField, valueField } from '../../../views/pages/strategy/metric'
import { listTeams } from '../../db/queries/groups'
import { listMetricPeriods, saveMetricValues, valuesAt } from '../../db/queries/metrics'
import { readNumber } from '../../instruments/numbers'
import { periodOf } from '../../instruments/strategy'
import { actorOf } from '../../lib/authorise'
import { redirectAfterPost } from '../../lib/responses'
import { summariseMetric, teamsInScope } from '../../lib/strategy'
import { type FieldErrors, type FormValues, fieldErrors } from '../../lib/validation'
import { render } from '../render'
import { periodPattern, valuesForm } from './forms'
import { canManage, type MetricEnv, manage, today, withMetric } from './shared'

type Entered = { values: FormValues; errors: FieldErrors }

/** A metric's page: its run chart and status, and the values of a period to enter or correct. */
async function renderMetric(c: Context<MetricEnv>, entered?: Entered) {
  const { db, organisation, metric, workstream } = c.var
  const [periods, teams] = await Promise.all([
    listMetricPeriods(db, organisation.id, { metricId: metric.id }),
    listTeams(db, organisation.id),
  ])
  const latestPeriod = periods.at(-1)?.period
  const asked = c.req.query('period') ?? ''
  const period = periodPattern(metric).test(asked) ? asked : periodOf(today(c), metric.cadence)
  const [latestValues, atPeriod] = await Promise.all([
    latestPeriod ? valuesAt(db, organisation.id, metric.id, latestPeriod) : [],
    period === latestPeriod ? null : valuesAt(db, organisation.id, metric.id, period),
  ])
  const inScope = teamsInScope(teams)
  const summary = summariseMetric(metric, periods, inScope.length, today(c), {
    inScope: inScope.map((t) => t.id),
    values: latestValues,
  })
  const recorded: FormValues = { period }
  for (const v of atPeriod ?? latestValues) {
    recorded[valueField(v.groupId)] = String(v.value)
    if (v.note) recorded[noteField(v.groupId)] = v.note
  }
  const errors = entered?.errors ?? {}
  return render(
    c,
    <MetricPage
      summary={summary}
      workstream={workstream}
      teams={inScope}
      canManage={canManage(c)}
      entry={{ period, values: entered?.values ?? recorded, errors }}
    />,
    { title: metric.name, errors },
  )
}

export const metricRoutes = new Hono<MetricEnv>()
  .use('/:id', withMetric)
  .use('/:id/values', manage, withMetric)
  .get('/:id', (c) => renderMetric(c))
  .post('/:id/values', async (c) => {
    const { metric, db, organisation } = c.var
    const teams = teamsInScope(await listTeams(db, organisation.id))
    const groups = metric.scope === 'team' ? teams : [{ id: '', name: 'The organisation' }]
    const body = await c.req.parseBody()
    const values: FormValues = Object.fromEntries(
      Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
    )
    const read = valuesForm(metric, groups).safeParse(values)
    if (!read.success) return renderMetric(c, { values, errors: fieldErrors(read.error) })
    const form = read.data as FormValues
    const period = form.period ?? ''
    const entries = groups.flatMap(({ id }) => {
      const value = readNumber(form[valueField(id)] ?? '')
      const note = form[noteField(id)] || null
      return value === null ? [] : [{ metricId: metric.id, period, groupId: id, value, note }]
    })
    await saveMetricValues(db, actorOf(c), entries)
    return redirectAfterPost(c, `/strategy/metrics/${metric.id}?period=${period}`)
  })
