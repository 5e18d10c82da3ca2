import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { PeerSupportPage, peerSupportFields } from '../../../views/pages/strategy/peer-support'
import { listMetricsAndPeriods } from '../../db/queries/metrics'
import type { SignedInEnv } from '../../env'
import { readNumber } from '../../instruments/numbers'
import { peerSupportValue, periodLabel } from '../../instruments/strategy'
import { type FieldErrors, type FormValues, fieldErrors } from '../../lib/validation'
import { render } from '../render'

/** Far beyond any trust's figures, and small enough that products and differences stay numbers. */
const peerSupportMost = 1e12
const labelOf = (name: string) => peerSupportFields.find(([n]) => n === name)?.[1] ?? name
const number = (raw: string) => readNumber(raw) ?? 0

/**
 * The estimate's inputs: each a number from 0 up, the bed days either before and after (both) or
 * avoided; what the estimate takes, once every field holds.
 */
const estimateSchema = z
  .object(Object.fromEntries(peerSupportFields.map(([name]) => [name, z.string().trim()])))
  .superRefine((form, ctx) => {
    const byDays = form.bedDaysBefore !== '' || form.bedDaysAfter !== ''
    const days = byDays ? ['bedDaysBefore', 'bedDaysAfter'] : ['bedDaysAvoided']
    for (const name of [
      'fte',
      'costPerFte',
      'clientsSupported',
      'contacts',
      'costPerBedDay',
      ...days,
    ]) {
      const raw = form[name] ?? ''
      const value = readNumber(raw)
      const message =
        raw === ''
          ? `Enter ${labelOf(name).toLowerCase()}`
          : value === null || value < 0
            ? 'Enter a number, 0 or more'
            : value > peerSupportMost
              ? 'Enter a number no larger than 1,000,000,000,000'
              : null
      if (message) ctx.addIssue({ code: 'custom', path: [name], message })
    }
  })
  .transform((form) => ({
    fte: number(form.fte ?? ''),
    costPerFte: number(form.costPerFte ?? ''),
    clientsSupported: number(form.clientsSupported ?? ''),
    contacts: number(form.contacts ?? ''),
    costPerBedDay: number(form.costPerBedDay ?? ''),
    bedDaysAvoided:
      form.bedDaysBefore !== '' || form.bedDaysAfter !== ''
        ? number(form.bedDaysBefore ?? '') - number(form.bedDaysAfter ?? '')
        : number(form.bedDaysAvoided ?? ''),
  }))

function renderEstimate(
  c: Context<SignedInEnv>,
  values: FormValues,
  errors: FieldErrors,
  estimate: z.infer<typeof estimateSchema> | null,
  fromMetrics: string | null = null,
) {
  return render(
    c,
    <PeerSupportPage
      values={values}
      errors={errors}
      result={estimate && peerSupportValue(estimate)}
      bedDaysAvoided={estimate?.bedDaysAvoided ?? null}
      fromMetrics={fromMetrics}
    />,
    { title: 'Estimate the value of peer support', errors },
  )
}

/** The value of peer support: a form (a GET, so a result can be bookmarked) and its estimate. */
export const peerSupportRoutes = new Hono<SignedInEnv>().get('/', async (c) => {
  const query = c.req.query()
  const values: FormValues = Object.fromEntries(
    peerSupportFields.map(([name]) => [name, (query[name] ?? '').trim()]),
  )
  if (Object.values(values).every((v) => v === '')) {
    const defaults = await estimateDefaults(c)
    return renderEstimate(c, defaults.values, {}, null, defaults.source)
  }
  const read = estimateSchema.safeParse(values)
  if (!read.success) return renderEstimate(c, values, fieldErrors(read.error), null)
  return renderEstimate(c, values, {}, read.data)
})

/**
 * The estimate's inputs from the metrics marked for it: the latest count of peer support workers,
 * and the people supported and contacts added up over the last year's periods.
 */
async function estimateDefaults(c: Context<SignedInEnv>) {
  const organisationId = c.var.organisation.id
  const { metrics, periods } = await listMetricsAndPeriods(c.var.db, organisationId)
  const values: FormValues = {}
  const used: string[] = []
  for (const [name, input] of [
    ['fte', 'peer-support-workers'],
    ['clientsSupported', 'people-supported'],
    ['contacts', 'peer-contacts'],
  ] as const) {
    const metric = metrics.find(
      (m) => m.estimateInput === input && periods.some((p) => p.metricId === m.id),
    )
    if (!metric) continue
    const mine = periods
      .filter((p) => p.metricId === metric.id)
      .sort((x, y) => (x.period < y.period ? 1 : -1))
    const inYear = metric.cadence === 'monthly' ? 12 : 4
    const taken = input === 'peer-support-workers' ? mine.slice(0, 1) : mine.slice(0, inYear)
    values[name] = String(Math.round(taken.reduce((sum, p) => sum + p.total, 0) * 100) / 100)
    const first = periodLabel(taken.at(-1)?.period ?? '')
    const last = periodLabel(taken[0]?.period ?? '')
    const unit = metric.cadence === 'monthly' ? 'months' : 'quarters'
    const short =
      taken.length < inYear ? ` (only ${taken.length} of ${inYear} ${unit} recorded)` : ''
    used.push(
      input === 'peer-support-workers'
        ? `${metric.name} (${last})`
        : `${metric.name}, added up over ${first} to ${last}${short}`,
    )
  }
  const source = used.length
    ? `Filled in from the strategy’s metrics: ${used.join('; ')}. Check them before estimating.`
    : null
  return { values, source }
}
