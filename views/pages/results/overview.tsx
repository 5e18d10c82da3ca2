import type { OverviewData, OverviewFilters } from '../../../src/lib/results/overview'
import { LineChart } from '../../components/line-chart'
import { longDate } from '../rounds/labels'
import { teamTypeLabels } from '../teams/labels'
import { cellText } from './cells'
import { Heatmap } from './heatmap'

type OverviewProps = { data: OverviewData; filters: OverviewFilters; canExport: boolean }

function Filters({ data, filters }: Pick<OverviewProps, 'data' | 'filters'>) {
  const select = (
    name: string,
    label: string,
    options: { value: string; text: string }[],
    value?: string,
  ) => (
    <div class="nhsuk-form-group nhsuk-u-margin-right-4 app-inline-field">
      <label class="nhsuk-label" for={name}>
        {label}
      </label>
      <select class="nhsuk-select" id={name} name={name}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === (value ?? '')}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <form
      method="get"
      action="/results"
      class="app-no-print-filters"
      hx-get="/results"
      hx-target="#results"
      hx-select="#results"
      hx-swap="outerHTML"
      hx-push-url="true"
      hx-trigger="change"
    >
      {select(
        'line',
        'Service line or locality',
        [{ value: '', text: 'All' }, ...data.groupings.map((g) => ({ value: g.id, text: g.name }))],
        filters.line,
      )}
      {select(
        'type',
        'Team type',
        [
          { value: '', text: 'All' },
          ...Object.entries(teamTypeLabels).map(([value, text]) => ({ value, text })),
        ],
        filters.type,
      )}
      {select(
        'round',
        'Round for the heatmap',
        data.teamRounds.map((r) => ({ value: r.id, text: r.name })).reverse(),
        data.heatmap?.round.id,
      )}
      <button class="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
        Show
      </button>
    </form>
  )
}

/** What the filters now show, in words: read out when the results change in place. */
function summaryOf(data: OverviewData, filters: OverviewProps['filters']) {
  const line = data.groupings.find((g) => g.id === filters.line)?.name
  const type = filters.type
    ? teamTypeLabels[filters.type as keyof typeof teamTypeLabels]
    : undefined
  const teams = data.heatmap?.rows.length ?? 0
  const which = [line, type?.toLowerCase()].filter(Boolean).join(', ')
  return `Results updated: ${teams} ${teams === 1 ? 'team' : 'teams'}${which ? ` (${which})` : ''}${data.heatmap ? `, heatmap at ${data.heatmap.round.name}` : ''}.`
}

const roundLabel = (round: { name: string; opensOn: string }) =>
  `${round.name} (${longDate(round.opensOn)})`

export function OverviewPage({ data, filters, canExport }: OverviewProps) {
  const labels = data.series.map((s) => roundLabel(s.round))
  return (
    <>
      <h1>Results</h1>
      <p>
        Scores run from 0 to 100. A figure is shown only when enough people are behind it to keep
        their answers anonymous; the teams’ score is the average of the teams shown, so it never
        holds a team below that threshold.{' '}
        <a href="/results/rules">How these figures are worked out</a> ·{' '}
        <a href="/results/compare">Compare two rounds</a>
      </p>
      <Filters data={data} filters={filters} />
      <p id="results-status" class="nhsuk-u-visually-hidden" role="status" />
      <div id="results" data-summary={summaryOf(data, filters)}>
        {data.rounds.length === 0 ? (
          <p>No round has closed yet. Results appear here when a round closes.</p>
        ) : (
          <LineChart
            id="totals-chart"
            caption="Executive and team totals, round by round at each round’s date"
            labels={labels}
            series={[
              {
                label: 'Executive',
                data: data.series.map((s) => s.executive.value),
                missing: data.series.map((s) => cellText(s.executive)),
              },
              {
                label: 'Teams (average of the teams shown)',
                data: data.series.map((s) => s.teams),
                marked: data.series.map((s) => s.teamsChanged),
              },
              ...data.lines.map((t, i) => ({
                label: t.name,
                data: data.series.map((s) => s.each[i]?.value ?? null),
                missing: data.series.map((s) => (s.each[i] ? cellText(s.each[i]) : undefined)),
              })),
            ]}
            notes={{
              header: 'Teams in the average',
              cells: data.series.map((s) =>
                s.teamsShown === 0
                  ? '–'
                  : `${s.teamsShown}${s.teamsChanged ? ' (a different set of teams from the point before)' : ''}`,
              ),
            }}
          />
        )}
        {data.heatmap && (
          <>
            <h2>Teams by domain, {data.heatmap.round.name}</h2>
            <Heatmap heatmap={data.heatmap} />
            <p>
              <a href={`/results/report?round=${data.heatmap.round.id}`}>
                Board report for {data.heatmap.round.name}
              </a>
              {canExport && (
                <>
                  {' · '}
                  <a href={`/results/export/summary.csv?round=${data.heatmap.round.id}`}>
                    Summary CSV
                  </a>
                  {' · '}
                  <a href={`/results/export/answers.csv?round=${data.heatmap.round.id}`}>
                    Answers CSV
                  </a>
                </>
              )}
            </p>
          </>
        )}
      </div>
    </>
  )
}
