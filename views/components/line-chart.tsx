import { Table } from './table'

export type ChartSeries = {
  label: string
  data: readonly (number | null)[]
  /** What the table says where a point is missing ("fewer than 5"); a dash by default. */
  missing?: readonly (string | undefined)[]
  /**
   * A reference line (a median, a limit, a target): one value across the chart, dashed, without
   * points, and not in the table.
   */
  reference?: boolean
  /** Points drawn larger than the others: the signals of a run chart. */
  marked?: readonly boolean[]
}

type LineChartProps = {
  id: string
  caption: string
  labels: readonly string[]
  series: readonly ChartSeries[]
  yLabel?: string
  /** The heading of the table's first column: what the points are. */
  xLabel?: string
  /** The value axis from and to; null to fit the data. 0 to 100 by default. */
  yRange?: readonly [number, number] | null
  /** Decimal places in the table. */
  decimals?: number
  /** One more column for the table, after the series: a word on each point. */
  notes?: { header: string; cells: readonly string[] }
}

const shown = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Math.round(value * 100) / 100

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
  yRange = [0, 100],
  decimals = 0,
  notes,
}: LineChartProps) {
  const tabled = series.filter((s) => !s.reference)
  const config = {
    labels,
    yLabel,
    yRange,
    datasets: series.map((s) =>
      s.reference
        ? { label: s.label, value: shown(s.data[0]), reference: true }
        : { label: s.label, data: s.data.map(shown), marked: s.marked },
    ),
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
        wide={`${id}-caption`}
        caption={caption}
        columns={[
          { header: xLabel },
          ...tabled.map((s) => ({ header: s.label, numeric: true })),
          ...(notes ? [{ header: notes.header }] : []),
        ]}
        rows={labels.map((label, i) => [
          label,
          ...tabled.map((s) => {
            const value = shown(s.data[i])
            if (value === null) return s.missing?.[i] ?? '–'
            return decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals)
          }),
          ...(notes ? [notes.cells[i] ?? ''] : []),
        ])}
      />
    </figure>
  )
}
