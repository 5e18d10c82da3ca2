import type { OverviewData } from '../../../src/lib/results/overview'
import { classed, Table } from '../../components/table'
import { cellText } from './cells'

const band = (value: number | null) =>
  value === null ? 'none' : String(Math.min(4, Math.floor(value / 20)))

/**
 * Teams by domain at one round: every cell writes its figure ("fewer than k" when suppressed), and
 * its colour, in five bands of 20, only repeats it.
 */
export function Heatmap({ heatmap }: { heatmap: NonNullable<OverviewData['heatmap']> }) {
  return (
    <Table
      caption={`Domain scores (0 to 100) of each team at ${heatmap.round.name}`}
      columns={[
        { header: 'Team' },
        { header: 'Total', numeric: true },
        ...heatmap.domains.map((d) => ({ header: d.title, numeric: true })),
      ]}
      rows={heatmap.rows.map((row) => [
        <a href={`/results/teams/${row.team.id}`}>{row.team.name}</a>,
        classed(`app-heat-${band(row.total.value)}`, cellText(row.total)),
        ...row.cells.map((cell) => classed(`app-heat-${band(cell.value)}`, cellText(cell))),
      ])}
    />
  )
}
