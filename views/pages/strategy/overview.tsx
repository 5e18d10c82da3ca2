import type { StrategyOverview } from '../../../src/lib/strategy'
import { Table } from '../../components/table'
import { longDate } from '../rounds/labels'
import { comparatorWords, measured, StatusWords } from './labels'

type OverviewProps = { data: StrategyOverview; canManage: boolean }

/** Every workstream with its status, overdue objectives and metrics off target; printable. */
export function StrategyOverviewPage({ data, canManage }: OverviewProps) {
  const overdue = data.workstreams.flatMap((w) => w.overdue.map((o) => ({ w, o })))
  const offTarget = data.workstreams.flatMap((w) => w.offTarget.map((m) => ({ w, m })))
  return (
    <>
      <h1>Recovery strategy</h1>
      {canManage ? (
        <ul class="nhsuk-list app-no-print-filters">
          <li>
            <a href="/strategy/workstreams/new">Add a workstream</a>
          </li>
          <li>
            <a href="/strategy/values/upload">Upload metric values (CSV)</a>
          </li>
          <li>
            <a href="/strategy/peer-support">Estimate the value of peer support</a>
          </li>
        </ul>
      ) : (
        <p class="app-no-print-filters">
          <a href="/strategy/peer-support">Estimate the value of peer support</a>
        </p>
      )}
      {data.workstreams.length === 0 ? (
        <p>No workstreams yet.</p>
      ) : (
        <Table
          wide="workstreams-caption"
          caption="Workstreams"
          captionSize="m"
          columns={[
            { header: 'Workstream' },
            { header: 'Lead' },
            { header: 'Status' },
            { header: 'Objectives overdue', numeric: true },
            { header: 'Metrics off target', numeric: true },
          ]}
          rows={data.workstreams.map((w) => [
            <a href={`/strategy/workstreams/${w.workstream.id}`}>{w.workstream.name}</a>,
            w.workstream.lead,
            <StatusWords status={w.status} />,
            `${w.overdue.length} of ${w.objectives.length}`,
            `${w.offTarget.length} of ${w.metrics.length}`,
          ])}
        />
      )}
      <h2>Objectives overdue</h2>
      {overdue.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul class="nhsuk-list nhsuk-list--bullet">
          {overdue.map(({ w, o }) => (
            <li>
              {w.workstream.name}: {o.title} ({o.owner}), due {longDate(o.dueOn)}
            </li>
          ))}
        </ul>
      )}
      <h2>Metrics off target</h2>
      {offTarget.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul class="nhsuk-list nhsuk-list--bullet">
          {offTarget.map(({ w, m }) => (
            <li>
              {w.workstream.name}: <a href={`/strategy/metrics/${m.metric.id}`}>{m.metric.name}</a>{' '}
              is {m.latest ? measured(m.metric, m.latest.value) : 'not recorded'}; target{' '}
              {comparatorWords[m.target.comparator]} {measured(m.metric, m.target.value)} by{' '}
              {longDate(m.metric.dueOn)} ({m.status})
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
