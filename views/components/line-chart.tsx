import { Table } from './table'

export type ChartSeries = {
  label: string
  data: readonly (number | null)[]
  /** What the table says where a point is missing ("fewer than 5"); a dash by default. */
  missing?: readonly (string | undefined)[]
}

type LineChartProps = {
  id: string
  caption: string
  labels: readonly string[]
  series: readonly ChartSeries[]
  yLabel?: string
  /** The heading of the table's first column: what the points are. */
  xLabel?: string
}

const shown = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Math.round(value * 10) / 10

/**
 * A line chart drawn by /js/charts.js from the data in its markup, with the same figures in a
 * table under it for screen readers, print and anyone who prefers numbers.
 */
export function LineChart({
  id,
  caption,
  labels,
  series,
  yLabel = 'Score (0 to 100)',
  xLabel = 'Round',
}: LineChartProps) {
  const config = {
    labels,
    yLabel,
    datasets: series.map((s) => ({ label: s.label, data: s.data.map(shown) })),
  }
  return (
    <figure class="app-chart">
      <div class="app-chart__canvas">
        <canvas
          id={id}
          data-chart={JSON.stringify(config)}
          role="img"
          aria-label={`${caption}: the figures are in the table below`}
        />
      </div>
      <Table
        caption={caption}
        columns={[{ header: xLabel }, ...series.map((s) => ({ header: s.label, numeric: true }))]}
        rows={labels.map((label, i) => [
          label,
          ...series.map((s) => {
            const value = shown(s.data[i])
            return value === null ? (s.missing?.[i] ?? '–') : String(Math.round(value))
          }),
        ])}
      />
    </figure>
  )
}
