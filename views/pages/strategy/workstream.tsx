import type { Objective } from '../../../src/db/queries/strategy'
import { overdue, periodLabel } from '../../../src/instruments/strategy'
import type { linkedDomainScores, WorkstreamSummary } from '../../../src/lib/strategy'
import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { Table } from '../../components/table'
import { longDate } from '../rounds/labels'
import { RunChartFigure } from './chart'
import { ObjectiveForm } from './forms'
import { comparatorWords, measured, objectiveStatusLabels, StatusWords } from './labels'

type WorkstreamPageProps = {
  summary: WorkstreamSummary
  domains: readonly { key: string; title: string }[]
  domainScores: Awaited<ReturnType<typeof linkedDomainScores>>
  canManage: boolean
  today: string
  form: { values: FormValues; errors: FieldErrors }
}

function Objectives({ objectives, today }: { objectives: readonly Objective[]; today: string }) {
  if (objectives.length === 0) return <p>No objectives yet.</p>
  return (
    <Table
      caption="Objectives"
      columns={[
        { header: 'Objective' },
        { header: 'Owner' },
        { header: 'Due by' },
        { header: 'Status' },
      ]}
      rows={objectives.map((o) => [
        <a href={`/strategy/objectives/${o.id}`}>{o.title}</a>,
        o.owner,
        `${longDate(o.dueOn)}${overdue(o, today) ? ' (overdue)' : ''}`,
        objectiveStatusLabels[o.status],
      ])}
    />
  )
}

/**
 * One workstream: objectives, metrics with their run charts, and the linked domains' scores (given
 * in the order of the linked domains).
 */
export function WorkstreamPage({
  summary,
  domains,
  domainScores,
  canManage,
  today,
  form,
}: WorkstreamPageProps) {
  const { workstream } = summary
  const linked = domains.filter((d) => workstream.linkedDomains.includes(d.key))
  return (
    <>
      <span class="nhsuk-caption-l">Workstream</span>
      <h1>{workstream.name}</h1>
      <p>{workstream.purpose}</p>
      <dl class="nhsuk-summary-list">
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Lead</dt>
          <dd class="nhsuk-summary-list__value">{workstream.lead}</dd>
        </div>
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Linked domains</dt>
          <dd class="nhsuk-summary-list__value">
            {linked.length === 0 ? 'None' : linked.map((d) => `${d.key} ${d.title}`).join('; ')}
          </dd>
        </div>
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Status</dt>
          <dd class="nhsuk-summary-list__value">
            <StatusWords status={summary.status} />
          </dd>
        </div>
      </dl>
      {canManage && (
        <p>
          <a href={`/strategy/workstreams/${workstream.id}/edit`}>Change the workstream</a>
        </p>
      )}
      <h2>Objectives</h2>
      <Objectives objectives={summary.objectives} today={today} />
      {canManage && (
        <details class="nhsuk-details" open={Object.keys(form.errors).length > 0}>
          <summary class="nhsuk-details__summary">
            <span class="nhsuk-details__summary-text">Add an objective</span>
          </summary>
          <div class="nhsuk-details__text">
            <ObjectiveForm
              action={`/strategy/workstreams/${workstream.id}/objectives`}
              values={form.values}
              errors={form.errors}
            />
          </div>
        </details>
      )}
      <h2>Metrics</h2>
      {canManage && (
        <p>
          <a href={`/strategy/workstreams/${workstream.id}/metrics/new`}>Add a metric</a>
        </p>
      )}
      {summary.metrics.length === 0 && <p>No metrics yet.</p>}
      {summary.metrics.map((m) => (
        <section>
          <h3>
            <a href={`/strategy/metrics/${m.metric.id}`}>{m.metric.name}</a>
          </h3>
          <p>
            <StatusWords status={m.status} /> Latest:{' '}
            {m.latest
              ? `${measured(m.metric, m.latest.value)} in ${periodLabel(m.latest.period)}`
              : 'nothing recorded'}
            ; target {comparatorWords[m.target.comparator]} {measured(m.metric, m.target.value)} by{' '}
            {longDate(m.metric.dueOn)}.
          </p>
          <p>
            {m.signals.length > 0
              ? `Signals: ${m.signals.join('; ')}.`
              : m.series.length > 0
                ? 'No signals: the variation is what the process usually shows.'
                : ''}
          </p>
          {m.series.length > 0 && <RunChartFigure summary={m} latest={36} />}
        </section>
      ))}
      <h2>Linked domains over rounds</h2>
      {linked.length === 0 || domainScores.length === 0 ? (
        <p>{linked.length === 0 ? 'No domains linked.' : 'No round has closed yet.'}</p>
      ) : (
        <Table
          wide="linked-domains-caption"
          caption="Scores (0 to 100) of the linked domains at each closed round"
          columns={[
            { header: 'Round' },
            { header: 'Whose' },
            ...linked.map((d) => ({ header: `${d.key} ${d.title}`, numeric: true })),
          ]}
          rows={domainScores.map((r) => [
            r.round.name,
            r.who,
            ...linked.map((_, i) => {
              const value = r.scores[i]
              return value === null || value === undefined ? '–' : String(Math.round(value))
            }),
          ])}
        />
      )}
    </>
  )
}
