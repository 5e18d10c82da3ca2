import { periodLabel } from '../../../src/instruments/strategy'
import type { MetricSummary } from '../../../src/lib/strategy'
import { LineChart } from '../../components/line-chart'
import { figure } from './labels'

const signalNames = {
  'shift-up': 'shift up',
  'shift-down': 'shift down',
  'trend-up': 'rising trend',
  'trend-down': 'falling trend',
  'above-limit': 'above limit',
  'below-limit': 'below limit',
} as const

/**
 * A metric's run chart (rule 11 in docs/rules.md): values, median, target and limits, the signals marked; of the
 * latest points only, when given how many (the median, limits and signals still come from the
 * whole series).
 */
export function RunChartFigure({ summary, latest }: { summary: MetricSummary; latest?: number }) {
  const { metric, target, chart } = summary
  const from = latest === undefined ? 0 : Math.max(0, summary.series.length - latest)
  const series = summary.series.slice(from)
  const points = chart.points.slice(from)
  const labels = series.map((p) => periodLabel(p.period))
  const flat = (value: number | null) => series.map(() => value)
  const perTeam = metric.scope === 'team'
  const lines = [
    chart.median === null ? null : `median ${figure(chart.median)}`,
    `target ${figure(target.value)}`,
    chart.upperLimit === null || chart.lowerLimit === null
      ? null
      : `limits ${figure(chart.lowerLimit)} to ${figure(chart.upperLimit)}`,
  ].filter(Boolean)
  const unit = metric.cadence === 'monthly' ? 'months' : 'quarters'
  return (
    <>
      <p class="nhsuk-body-s">
        Lines on the chart: {lines.join('; ')}.
        {from > 0 &&
          ` The last ${series.length} ${unit} of ${summary.series.length}; every one is on the metric’s page.`}
      </p>
      <LineChart
        id={`run-chart-${metric.id}`}
        caption={`${metric.name}: ${perTeam ? 'teams meeting the target (%)' : metric.unit} each ${metric.cadence === 'monthly' ? 'month' : 'quarter'}, with its run-chart signals (centre line: the median of the first ${chart.baselinePoints} points)`}
        labels={labels}
        xLabel={metric.cadence === 'monthly' ? 'Month' : 'Quarter'}
        yLabel={perTeam ? 'Teams meeting the target (%)' : metric.unit}
        yRange={perTeam ? [0, 100] : null}
        decimals={perTeam ? 0 : 1}
        series={[
          {
            label: perTeam ? 'Teams meeting it (%)' : 'Value',
            data: series.map((p) => p.value),
            marked: points.map((p) => p.signals.length > 0),
          },
          { label: 'Median', data: flat(chart.median), reference: true },
          { label: 'Target', data: flat(target.value), reference: true },
          { label: 'Upper limit', data: flat(chart.upperLimit), reference: true },
          { label: 'Lower limit', data: flat(chart.lowerLimit), reference: true },
        ]}
        notes={{
          header: 'Signals',
          cells: points.map((p) => p.signals.map((s) => signalNames[s]).join(', ')),
        }}
      />
    </>
  )
}
