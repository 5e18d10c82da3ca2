import type { OverviewData } from '../../../src/lib/results/overview'
import { classed, Table } from '../../components/table'
import { cellText } from './cells'

const band = (value: number | null) =>
  value === null ? 'none' : String(Math.min(4, Math.floor(value / 20)))

/**
 * Teams by domain at one round: every cell writes its figure ("fewer than k" when suppressed), and
 * its colour, in five bands of 20, only repeats it.
 */
const bands = [
  ['app-heat-0', '0 to 19'],
  ['app-heat-1', '20 to 39'],
  ['app-heat-2', '40 to 59'],
  ['app-heat-3', '60 to 79'],
  ['app-heat-4', '80 to 100'],
  ['app-heat-none', 'not shown (too few people, or no answers)'],
] as const

export function Heatmap({ heatmap }: { heatmap: NonNullable<OverviewData['heatmap']> }) {
  return (
    <>
      <Table
        wide="heatmap-caption"
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
      <p class="nhsuk-body-s nhsuk-u-margin-bottom-2" id="heatmap-key">
        Key: the colour of a cell repeats its figure.
      </p>
      <ul class="app-heat-key nhsuk-body-s" aria-labelledby="heatmap-key">
        {bands.map(([className, words]) => (
          <li>
            <span class={`app-heat-key__swatch ${className}`} /> {words}
          </li>
        ))}
      </ul>
    </>
  )
}
