import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { MetricPage, noteField, valueField } from '../../views/pages/strategy/metric'
import { StrategyOverviewPage } from '../../views/pages/strategy/overview'
import {
  MetricFormPage,
  MetricUploadPage,
  ObjectivePage,
  WorkstreamFormPage,
} from '../../views/pages/strategy/pages'
import { PeerSupportPage, peerSupportFields } from '../../views/pages/strategy/peer-support'
import { WorkstreamPage } from '../../views/pages/strategy/workstream'
import { jsonLists } from '../db/json-list'
import { listTeams } from '../db/queries/groups'
import {
  createMetric,
  createObjective,
  createWorkstream,
  getMetric,
  getObjective,
  getWorkstream,
  listMetricPeriods,
  listMetrics,
  listObjectiveNotes,
  metricPeriodsOf,
  metricsOf,
  noteProgress,
  saveMetricValues,
  updateWorkstream,
  type ValueEntry,
  valuesAt,
} from '../db/queries/strategy'
import {
  comparators,
  metricCadences,
  metricDirections,
  metricScopes,
  objectiveStatuses,
} from '../db/schema'
import type { AppEnv } from '../env'
import { utf8Text } from '../instruments/csv-table'
import { hasHiddenCharacters, hiddenCharactersMessage } from '../instruments/hidden-characters'
import { type MetricProblem, readMetricValues } from '../instruments/metric-csv'
import { builtInInstruments } from '../instruments/registry'
import {
  monthlyPeriod,
  peerSupportValue,
  periodLabel,
  periodOf,
  quarterlyPeriod,
} from '../instruments/strategy'
import { actorOf, may, onlyWho, requireThat } from '../lib/authorise'
import { dayOf } from '../lib/dates'
import { redirectAfterPost, render } from '../lib/htmx'
import { readNumber } from '../lib/numbers'
import { csvFileBytes, megabytes } from '../lib/security'
import {
  linkedDomainScores,
  strategyOverview,
  summariseMetric,
  summariseStrategy,
  teamsInScope,
  workstreamLists,
} from '../lib/strategy'
import {
  type FieldErrors,
  type FormValues,
  isoDate,
  many,
  requiredText,
  validForm,
} from '../lib/validation'

const text = requiredText
const number = (what: string) =>
  z
    .string()
    .min(1, `Enter ${what}`)
    .transform(readNumber)
    .refine(
      (n): n is number => n !== null,
      `${what[0]?.toUpperCase()}${what.slice(1)} must be a number`,
    )

/** The assessment domains a workstream can link to: those of the starter instruments. */
const domains = builtInInstruments()[0]?.domains.map((d) => ({ key: d.key, title: d.title })) ?? []
const domainKeys = new Set(domains.map((d) => d.key))

const workstreamSchema = z.object({
  name: text('the name', 120),
  purpose: text('the purpose', 1000),
  lead: text('the lead', 120),
  domains: many.refine(
    (keys) => keys.every((k) => domainKeys.has(k)),
    'Choose domains from the list',
  ),
})
const objectiveSchema = z.object({
  title: text('the objective', 200),
  owner: text('the owner', 120),
  dueOn: isoDate('Enter the date it is due by'),
})
const progressSchema = z.object({
  status: z.enum(objectiveStatuses, { error: 'Choose the status' }),
  note: text('a note of progress', 2000),
})
const metricSchema = z
  .object({
    name: text('the name', 120),
    unit: text('the unit', 60),
    direction: z.enum(metricDirections, { error: 'Choose which way is better' }),
    scope: z.enum(metricScopes, { error: 'Choose what it is measured for' }),
    cadence: z.enum(metricCadences, { error: 'Choose how often it is measured' }),
    comparator: z.enum(comparators, { error: 'Choose how the target compares' }),
    targetValue: number('the target value'),
    coverageTarget: z.string().trim().default(''),
    dueOn: isoDate('Enter the date the target is due by'),
    baseline: z.string().trim().default(''),
  })
  .superRefine((form, ctx) => {
    const coverage = Number(form.coverageTarget)
    if (form.scope === 'team' && form.coverageTarget !== '' && !(coverage > 0 && coverage <= 100))
      ctx.addIssue({
        code: 'custom',
        path: ['coverageTarget'],
        message: 'The teams to reach it must be a percentage from 1 to 100',
      })
    if (form.baseline !== '' && !Number.isFinite(Number(form.baseline)))
      ctx.addIssue({ code: 'custom', path: ['baseline'], message: 'The baseline must be a number' })
  })
const uploadSchema = z.object({
  file: z
    .instanceof(File, { error: 'Choose a CSV file to upload' })
    .refine((file) => file.size > 0, 'Choose a CSV file to upload')
    .refine(
      (file) => file.size <= csvFileBytes,
      `The file must be ${megabytes(csvFileBytes)} or smaller`,
    ),
})

const manage = requireThat(may.manageStrategy, onlyWho.manageStrategy)
const today = (c: Context<AppEnv>) => dayOf(c.var.now())
const canManage = (c: Context<AppEnv>) => may.manageStrategy(c.var.signedIn?.grants ?? [])
async function loadWorkstream(c: Context<AppEnv>) {
  const found = await getWorkstream(c.var.db, c.var.organisation.id, c.req.param('id') ?? '')
  if (!found) throw new HTTPException(404)
  return found
}

async function renderWorkstream(
  c: Context<AppEnv>,
  values: FormValues = {},
  errors: FieldErrors = {},
) {
  const { db, organisation } = c.var
  const lists = await workstreamLists(db, {
    organisationId: organisation.id,
    workstreamId: c.req.param('id') ?? '',
  })
  const summary = summariseStrategy(lists, today(c)).workstreams[0]
  if (!summary) throw new HTTPException(404)
  const workstream = summary.workstream
  const linked = domains.filter((d) => workstream.linkedDomains.includes(d.key))
  const scores = await linkedDomainScores(
    db,
    organisation.id,
    linked.map((d) => d.key),
    lists,
  )
  return render(
    c,
    <WorkstreamPage
      summary={summary}
      domains={domains}
      domainScores={scores}
      canManage={canManage(c)}
      today={today(c)}
      form={{ values, errors }}
    />,
    { title: workstream.name, errors },
  )
}

function renderWorkstreamForm(
  c: Context<AppEnv>,
  values: FormValues,
  chosenDomains: readonly string[],
  errors: FieldErrors,
  workstreamId?: string,
) {
  const heading = workstreamId ? 'Change the workstream' : 'Add a workstream'
  return render(
    c,
    <WorkstreamFormPage
      heading={heading}
      action={
        workstreamId ? `/strategy/workstreams/${workstreamId}/edit` : '/strategy/workstreams/new'
      }
      values={values}
      errors={errors}
      domains={domains}
      chosenDomains={chosenDomains}
    />,
    { title: heading, errors },
  )
}

/** The domains ticked on a form that did not pass, to show them ticked again. */
async function chosenDomainsOf(c: Context<AppEnv>) {
  return many.parse((await c.req.parseBody({ all: true })).domains)
}

async function loadObjective(c: Context<AppEnv>) {
  const objective = await getObjective(c.var.db, c.var.organisation.id, c.req.param('id') ?? '')
  if (!objective) throw new HTTPException(404)
  const workstream = await getWorkstream(c.var.db, c.var.organisation.id, objective.workstreamId)
  if (!workstream) throw new HTTPException(404)
  return { objective, workstream }
}

async function renderObjective(
  c: Context<AppEnv>,
  values: FormValues = {},
  errors: FieldErrors = {},
) {
  const { objective, workstream } = await loadObjective(c)
  const notes = await listObjectiveNotes(c.var.db, c.var.organisation.id, objective.id)
  return render(
    c,
    <ObjectivePage
      objective={objective}
      workstream={workstream}
      notes={notes}
      canManage={canManage(c)}
      form={{ values, errors }}
    />,
    { title: objective.title, errors },
  )
}

async function renderMetricForm(c: Context<AppEnv>, values: FormValues, errors: FieldErrors) {
  const workstream = await loadWorkstream(c)
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

async function loadMetric(c: Context<AppEnv>) {
  const metric = await getMetric(c.var.db, c.var.organisation.id, c.req.param('id') ?? '')
  if (!metric) throw new HTTPException(404)
  const workstream = await getWorkstream(c.var.db, c.var.organisation.id, metric.workstreamId)
  if (!workstream) throw new HTTPException(404)
  return { metric, workstream }
}

const periodPattern = (cadence: 'monthly' | 'quarterly') =>
  cadence === 'monthly' ? monthlyPeriod : quarterlyPeriod

async function renderMetric(
  c: Context<AppEnv>,
  entered?: { values: FormValues; errors: FieldErrors },
) {
  const { metric, workstream } = await loadMetric(c)
  const { db, organisation } = c.var
  const [periods, teams] = await Promise.all([
    listMetricPeriods(db, organisation.id, { metricId: metric.id }),
    listTeams(db, organisation.id),
  ])
  const latestPeriod = periods.at(-1)?.period
  const asked = c.req.query('period') ?? ''
  const period = periodPattern(metric.cadence).test(asked)
    ? asked
    : periodOf(today(c), metric.cadence)
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

async function renderUpload(
  c: Context<AppEnv>,
  errors: FieldErrors,
  problems: MetricProblem[] = [],
  stored?: number,
) {
  return render(c, <MetricUploadPage errors={errors} problems={problems} stored={stored} />, {
    title: 'Upload metric values',
    errors,
  })
}

export const strategyRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const data = await strategyOverview(c.var.db, c.var.organisation.id, today(c))
    return render(c, <StrategyOverviewPage data={data} canManage={canManage(c)} />, {
      title: 'Recovery strategy',
    })
  })
  .get('/workstreams/new', manage, (c) => renderWorkstreamForm(c, {}, [], {}))
  .post(
    '/workstreams/new',
    manage,
    validForm(workstreamSchema, async (c, errors, values) =>
      renderWorkstreamForm(c, values, await chosenDomainsOf(c), errors),
    ),
    async (c) => {
      const form = c.req.valid('form')
      const changes = {
        name: form.name,
        purpose: form.purpose,
        lead: form.lead,
        linkedDomains: form.domains,
      }
      const id = await createWorkstream(c.var.db, actorOf(c), changes)
      if (!id)
        return renderWorkstreamForm(
          c,
          { name: form.name, purpose: form.purpose, lead: form.lead },
          form.domains,
          { name: 'A workstream with this name already exists' },
        )
      return redirectAfterPost(c, `/strategy/workstreams/${id}`)
    },
  )
  .get('/workstreams/:id', (c) => renderWorkstream(c))
  .get('/workstreams/:id/edit', manage, async (c) => {
    const w = await loadWorkstream(c)
    return renderWorkstreamForm(
      c,
      { name: w.name, purpose: w.purpose, lead: w.lead },
      w.linkedDomains,
      {},
      w.id,
    )
  })
  .post(
    '/workstreams/:id/edit',
    manage,
    validForm(workstreamSchema, async (c, errors, values) =>
      renderWorkstreamForm(
        c,
        values,
        await chosenDomainsOf(c),
        errors,
        (await loadWorkstream(c)).id,
      ),
    ),
    async (c) => {
      const before = await loadWorkstream(c)
      const form = c.req.valid('form')
      await updateWorkstream(c.var.db, actorOf(c), before, {
        name: form.name,
        purpose: form.purpose,
        lead: form.lead,
        linkedDomains: form.domains,
      })
      return redirectAfterPost(c, `/strategy/workstreams/${before.id}`)
    },
  )
  .post(
    '/workstreams/:id/objectives',
    manage,
    validForm(objectiveSchema, (c, errors, values) => renderWorkstream(c, values, errors)),
    async (c) => {
      const workstream = await loadWorkstream(c)
      await createObjective(c.var.db, actorOf(c), workstream.id, c.req.valid('form'))
      return redirectAfterPost(c, `/strategy/workstreams/${workstream.id}`)
    },
  )
  .get('/objectives/:id', (c) => renderObjective(c))
  .post(
    '/objectives/:id/progress',
    manage,
    validForm(progressSchema, (c, errors, values) => renderObjective(c, values, errors)),
    async (c) => {
      const { objective } = await loadObjective(c)
      await noteProgress(c.var.db, actorOf(c), objective, {
        ...c.req.valid('form'),
        notedOn: today(c),
      })
      return redirectAfterPost(c, `/strategy/objectives/${objective.id}`)
    },
  )
  .get('/workstreams/:id/metrics/new', manage, (c) => renderMetricForm(c, {}, {}))
  .post(
    '/workstreams/:id/metrics/new',
    manage,
    validForm(metricSchema, (c, errors, values) => renderMetricForm(c, values, errors)),
    async (c) => {
      const workstream = await loadWorkstream(c)
      const form = c.req.valid('form')
      const id = await createMetric(c.var.db, actorOf(c), workstream.id, {
        name: form.name,
        unit: form.unit,
        direction: form.direction,
        scope: form.scope,
        cadence: form.cadence,
        comparator: form.comparator,
        targetValue: form.targetValue,
        coverageTarget: form.scope === 'team' ? Number(form.coverageTarget || 100) : null,
        dueOn: form.dueOn,
        baseline: form.baseline === '' ? null : Number(form.baseline),
      })
      if (!id) {
        const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]))
        return renderMetricForm(c, values, { name: 'A metric with this name already exists' })
      }
      return redirectAfterPost(c, `/strategy/metrics/${id}`)
    },
  )
  .get('/metrics/:id', (c) => renderMetric(c))
  .post('/metrics/:id/values', manage, async (c) => {
    const { metric } = await loadMetric(c)
    const body = await c.req.parseBody()
    const values: FormValues = Object.fromEntries(
      Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
    )
    const errors: FieldErrors = {}
    const period = (values.period ?? '').trim()
    if (!periodPattern(metric.cadence).test(period))
      errors.period =
        metric.cadence === 'monthly' ? 'Enter the month as 2026-05' : 'Enter the quarter as 2026-Q2'
    const teams = teamsInScope(await listTeams(c.var.db, c.var.organisation.id))
    const groups =
      metric.scope === 'team'
        ? teams.map((t) => ({ id: t.id, name: t.name }))
        : [{ id: '', name: 'The organisation' }]
    const entries: ValueEntry[] = []
    for (const group of groups) {
      const raw = (values[valueField(group.id)] ?? '').trim()
      const note = (values[noteField(group.id)] ?? '').trim()
      if (note.length > 500)
        errors[noteField(group.id)] = `${group.name}: the note must be 500 characters or fewer`
      else if (hasHiddenCharacters(note))
        errors[noteField(group.id)] = `${group.name}: ${hiddenCharactersMessage.toLowerCase()}`
      if (raw === '') continue
      const value = readNumber(raw)
      if (value === null) errors[valueField(group.id)] = `${group.name}: the value must be a number`
      else
        entries.push({ metricId: metric.id, period, groupId: group.id, value, note: note || null })
    }
    if (Object.keys(errors).length > 0) return renderMetric(c, { values, errors })
    await saveMetricValues(c.var.db, actorOf(c), entries)
    return redirectAfterPost(c, `/strategy/metrics/${metric.id}?period=${period}`)
  })
  .get('/values/upload', manage, (c) => renderUpload(c, {}))
  .post(
    '/values/upload',
    manage,
    validForm(uploadSchema, (c, errors) => renderUpload(c, errors)),
    async (c) => {
      const [metrics, teams] = await Promise.all([
        listMetrics(c.var.db, c.var.organisation.id),
        listTeams(c.var.db, c.var.organisation.id),
      ])
      const read = await utf8Text(c.req.valid('form').file)
      if ('problem' in read) return renderUpload(c, { file: read.problem }, [])
      const { values, problems } = readMetricValues(read.text, {
        metrics,
        teams: teamsInScope(teams),
      })
      if (problems.length > 0)
        return renderUpload(c, { file: 'The file has problems; nothing was stored' }, problems)
      const stored = await saveMetricValues(c.var.db, actorOf(c), values)
      return renderUpload(c, {}, [], stored)
    },
  )
  .get('/peer-support', async (c) => {
    const peerSupportMost = 1e12
    const query = c.req.query()
    const given = peerSupportFields.some(([name]) => (query[name] ?? '').trim() !== '')
    if (!given) {
      const { values, source } = await peerSupportDefaults(c)
      return render(
        c,
        <PeerSupportPage
          values={values}
          errors={{}}
          result={null}
          bedDaysAvoided={null}
          fromMetrics={source}
        />,
        { title: 'Estimate the value of peer support' },
      )
    }
    const values: FormValues = Object.fromEntries(
      peerSupportFields.map(([name]) => [name, (query[name] ?? '').trim()]),
    )
    const errors: FieldErrors = {}
    const read = (name: string, required: boolean) => {
      const raw = values[name] ?? ''
      if (raw === '') {
        if (required)
          errors[name] = `Enter ${peerSupportFields.find(([n]) => n === name)?.[1].toLowerCase()}`
        return 0
      }
      const value = readNumber(raw)
      if (value === null || value < 0) errors[name] = 'Enter a number, 0 or more'
      // Far beyond any trust's figures, and small enough that products and differences stay numbers.
      else if (value > peerSupportMost)
        errors[name] = 'Enter a number no larger than 1,000,000,000,000'
      return value === null || value > peerSupportMost ? 0 : value
    }
    const fte = read('fte', true)
    const costPerFte = read('costPerFte', true)
    const clientsSupported = read('clientsSupported', true)
    const contacts = read('contacts', true)
    const costPerBedDay = read('costPerBedDay', true)
    const beforeAndAfter = values.bedDaysBefore !== '' || values.bedDaysAfter !== ''
    const bedDaysAvoided = beforeAndAfter
      ? read('bedDaysBefore', true) - read('bedDaysAfter', true)
      : read('bedDaysAvoided', true)
    const invalid = Object.keys(errors).length > 0
    return render(
      c,
      <PeerSupportPage
        values={values}
        errors={errors}
        result={
          invalid
            ? null
            : peerSupportValue({
                fte,
                costPerFte,
                clientsSupported,
                contacts,
                bedDaysAvoided,
                costPerBedDay,
              })
        }
        bedDaysAvoided={invalid ? null : bedDaysAvoided}
        fromMetrics={null}
      />,
      { title: 'Estimate the value of peer support', errors },
    )
  })

/**
 * The estimate's inputs taken from the strategy's metrics where there are any: the latest totals
 * of metrics named for peer support workers, people supported and contacts.
 */
async function peerSupportDefaults(c: Context<AppEnv>) {
  const organisationId = c.var.organisation.id
  const { metrics, periods } = await jsonLists(c.var.db, {
    metrics: metricsOf(organisationId),
    periods: metricPeriodsOf(organisationId, {}),
  })
  const values: FormValues = {}
  const used: string[] = []
  // Workers are a count at a time: the latest. People supported and contacts are counts of a
  // month or a quarter: the last year's periods add up to the year the estimate is about.
  for (const [name, pattern, over] of [
    ['fte', /peer support workers?/i, 'latest'],
    ['clientsSupported', /(people|clients) supported/i, 'year'],
    ['contacts', /contacts/i, 'year'],
  ] as const) {
    const metric = metrics.find(
      (m) => pattern.test(m.name) && periods.some((p) => p.metricId === m.id),
    )
    if (!metric) continue
    const mine = periods
      .filter((p) => p.metricId === metric.id)
      .sort((x, y) => (x.period < y.period ? 1 : -1))
    const inYear = metric.cadence === 'monthly' ? 12 : 4
    const taken = over === 'latest' ? mine.slice(0, 1) : mine.slice(0, inYear)
    const total = taken.reduce((sum, p) => sum + p.total, 0)
    values[name] = String(Math.round(total * 100) / 100)
    const first = periodLabel(taken.at(-1)?.period ?? '')
    const last = periodLabel(taken[0]?.period ?? '')
    used.push(
      over === 'latest'
        ? `${metric.name} (${last})`
        : `${metric.name}, added up over ${first} to ${last}${taken.length < inYear ? ` (only ${taken.length} of ${inYear} ${metric.cadence === 'monthly' ? 'months' : 'quarters'} recorded)` : ''}`,
    )
  }
  return {
    values,
    source:
      used.length > 0
        ? `Filled in from the strategy’s metrics: ${used.join('; ')}. Check them before estimating.`
        : null,
  }
}
