import type { EstimateInput } from '../../../src/instruments/enums'
import { wholeNumber } from '../../../src/instruments/numbers'
import type { Target } from '../../../src/instruments/run-chart'
import type {
  MetricStatus,
  ObjectiveStatus,
  WorkstreamStatus,
} from '../../../src/instruments/strategy'

export const objectiveStatusLabels: Record<ObjectiveStatus, string> = {
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  done: 'Done',
}

const statusColours: Record<WorkstreamStatus | MetricStatus, string> = {
  'not started': 'grey',
  'on track': 'green',
  'at risk': 'yellow',
  'off track': 'red',
  done: 'blue',
  met: 'green',
  'not yet met': 'yellow',
  missed: 'red',
  'no data': 'grey',
}

/** A status as a tag; its words say it, the colour only repeats them. */
export function StatusWords({ status }: { status: WorkstreamStatus | MetricStatus }) {
  return (
    <strong class={`nhsuk-tag nhsuk-tag--${statusColours[status]}`}>
      {status[0]?.toUpperCase()}
      {status.slice(1)}
    </strong>
  )
}

export const estimateInputWords: Record<EstimateInput, string> = {
  'peer-support-workers': 'The number of peer support workers (the latest month or quarter)',
  'people-supported': 'The people they supported (added up over the last year)',
  'peer-contacts': 'Their contacts with people (added up over the last year)',
}

export const comparatorWords: Record<Target['comparator'], string> = {
  '>=': 'at least',
  '<=': 'at most',
  '>': 'more than',
  '<': 'fewer than',
  '=': 'exactly',
}

/** A number as a page writes it: whole numbers plainly, others to two places at most. */
export const figure = (value: number) =>
  Number.isInteger(value) ? wholeNumber(value) : String(Math.round(value * 100) / 100)

/** A metric's figure with its unit: a per-team metric's coverage as a whole percentage of teams. */
export const measured = (
  metric: { scope: 'organisation' | 'team'; unit: string },
  value: number,
) =>
  metric.scope === 'team' ? `${Math.round(value)}% of teams` : `${figure(value)} ${metric.unit}`
