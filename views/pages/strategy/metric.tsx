import type { Team } from '../../../src/db/queries/groups'
import { acrossTeams, periodLabel } from '../../../src/instruments/strategy'
import type { MetricSummary } from '../../../src/lib/strategy'
import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { ErrorSummary } from '../../components/error-summary'
import { Table } from '../../components/table'
import { longDate } from '../rounds/labels'
import { RunChartFigure } from './chart'
import { comparatorWords, figure, StatusWords } from './labels'

type MetricPageProps = {
  summary: MetricSummary
  workstream: { id: string; name: string }
  teams: readonly Team[]
  canManage: boolean
  /** The period the entry form is for, and what is recorded for it. */
  entry: { period: string; values: FormValues; errors: FieldErrors }
}

/** A field's name for a team's value (or the organisation's, for ''), and its note. */
export const valueField = (groupId: string) => `value-${groupId || 'organisation'}`
export const noteField = (groupId: string) => `note-${groupId || 'organisation'}`

function EntryForm({ summary, teams, entry }: Omit<MetricPageProps, 'workstream' | 'canManage'>) {
  const { metric } = summary
  const action = `/strategy/metrics/${metric.id}/values`
  const rows =
    metric.scope === 'team'
      ? teams.map((t) => ({ id: t.id, name: t.name }))
      : [{ id: '', name: 'The organisation' }]
  const input = (name: string, label: string, width: string, inputmode?: 'decimal') => (
    <>
      <label class="nhsuk-u-visually-hidden" for={name}>
        {label}
      </label>
      <input
        class={`nhsuk-input ${width}${entry.errors[name] ? ' nhsuk-input--error' : ''}`}
        id={name}
        name={name}
        type="text"
        inputmode={inputmode}
        value={entry.values[name] ?? ''}
        aria-describedby={entry.errors[name] ? `${name}-error` : undefined}
      />
      {entry.errors[name] && (
        <span class="nhsuk-error-message" id={`${name}-error`}>
          <span class="nhsuk-u-visually-hidden">Error:</span> {entry.errors[name]}
        </span>
      )}
    </>
  )
  return (
    <form id="values-form" method="post" action={action} novalidate>
      <ErrorSummary errors={entry.errors} />
      <div
        class={
          entry.errors.period ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'
        }
      >
        <label class="nhsuk-label" for="period">
          {metric.cadence === 'monthly'
            ? 'Month (YYYY-MM)'
            : 'Quarter (YYYY-Qn, calendar quarters)'}
        </label>
        {entry.errors.period && (
          <span class="nhsuk-error-message" id="period-error">
            <span class="nhsuk-u-visually-hidden">Error:</span> {entry.errors.period}
          </span>
        )}
        <input
          class={`nhsuk-input nhsuk-input--width-10${entry.errors.period ? ' nhsuk-input--error' : ''}`}
          id="period"
          name="period"
          type="text"
          value={entry.values.period ?? entry.period}
          aria-describedby={entry.errors.period ? 'period-error' : undefined}
        />
      </div>
      <Table
        caption={`Values of ${metric.name} (${metric.unit}); leave a value empty to record nothing for it`}
        columns={[
          { header: metric.scope === 'team' ? 'Team' : 'For' },
          { header: 'Value', numeric: true },
          { header: 'Note' },
        ]}
        rows={rows.map((row) => [
          row.name,
          input(valueField(row.id), `${row.name}: value`, 'nhsuk-input--width-5', 'decimal'),
          input(noteField(row.id), `${row.name}: note`, 'nhsuk-input--width-20'),
        ])}
      />
      <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
        Save values
      </button>
    </form>
  )
}

/** One metric: its run chart and table, coverage with the teams below target, and value entry. */
function AcrossTeams({ unit, total, teams }: { unit: string; total: number; teams: number }) {
  const across = acrossTeams(unit, total, teams)
  return across.value === null ? null : (
    <>
      {across.words}: {figure(across.value)} {unit}.
    </>
  )
}

export function MetricPage({ summary, workstream, teams, canManage, entry }: MetricPageProps) {
  const { metric, latest } = summary
  const perTeam = metric.scope === 'team'
  const names = new Map(teams.map((t) => [t.id, t.name]))
  return (
    <>
      <span class="nhsuk-caption-l">
        <a href={`/strategy/workstreams/${workstream.id}`}>{workstream.name}</a>
      </span>
      <h1>{metric.name}</h1>
      <p>
        <StatusWords status={summary.status} /> Target:{' '}
        {perTeam
          ? `${comparatorWords[metric.comparator]} ${figure(metric.targetValue)} ${metric.unit} in ${figure(metric.coverageTarget ?? 100)}% of teams`
          : `${comparatorWords[metric.comparator]} ${figure(metric.targetValue)} ${metric.unit}`}{' '}
        by {longDate(metric.dueOn)}
        {metric.baseline !== null ? `; baseline ${figure(metric.baseline)}` : ''}.{' '}
        {metric.direction === 'higher' ? 'Higher is better.' : 'Lower is better.'}
      </p>
      {latest?.coverage && (
        <>
          <p class="nhsuk-body-l" id="coverage">
            Teams with {comparatorWords[metric.comparator]} {figure(metric.targetValue)}{' '}
            {metric.unit}: {latest.coverage.meeting} of {latest.coverage.inScope} (
            {Math.round(latest.coverage.percent ?? 0)}%) in {periodLabel(latest.period)}; target{' '}
            {figure(metric.coverageTarget ?? 100)}% by {longDate(metric.dueOn)}.{' '}
            <AcrossTeams unit={metric.unit} total={latest.total} teams={latest.count} />
          </p>
          {latest.coverage.below.length > 0 && (
            <details class="nhsuk-details">
              <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">
                  Teams below target ({latest.coverage.below.length})
                </span>
              </summary>
              <div class="nhsuk-details__text">
                <ul class="nhsuk-list">
                  {latest.coverage.below.map((id) => (
                    <li>
                      {names.get(id) ?? id}
                      {latest.coverage?.missing.includes(id) ? ' (nothing recorded)' : ''}
                    </li>
                  ))}
                </ul>
              </div>
            </details>
          )}
        </>
      )}
      <h2>Run chart</h2>
      {summary.series.length === 0 ? (
        <p>No values recorded yet.</p>
      ) : (
        <>
          <p>
            {summary.signals.length > 0
              ? `Signals: ${summary.signals.join('; ')}.`
              : 'No signals: the variation is what the process usually shows.'}{' '}
            <a href="/results/rules#run-charts">How signals are found</a>
          </p>
          <RunChartFigure summary={summary} />
        </>
      )}
      {canManage && (
        <>
          <h2>Record values</h2>
          <EntryForm summary={summary} teams={teams} entry={entry} />
        </>
      )}
    </>
  )
}
