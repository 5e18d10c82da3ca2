import type { Distribution } from '../../../src/instruments/network'
import { classed, Table } from '../../components/table'

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })
const score = (value: number) => oneDecimal.format(value)

/** A measure's distribution in words for a table cell: what it shows, or why it does not. */
export function distributionCells(d: Distribution | undefined, kOrg: number) {
  if (!d) return ['none', '', '', '']
  if (!d.shown)
    return [
      String(d.organisations),
      classed('nhsuk-table__cell', `Not shown: fewer than ${kOrg} organisations gave a figure`),
      '',
      '',
    ]
  return [
    String(d.organisations),
    score(d.median),
    `${score(d.lowerQuartile)} to ${score(d.upperQuartile)}`,
    `${score(d.min)} to ${score(d.max)}`,
  ]
}

/**
 * A period's distributions, one row per measure: how many organisations gave a figure, the
 * median, the middle half (quartiles) and the range; and, for a member, its own figure and
 * standing beside them.
 */
export function DistributionTable({
  caption,
  rows,
  kOrg,
  id,
}: {
  caption: string
  id: string
  kOrg: number
  rows: { label: string; distribution: Distribution | undefined; own?: string; standing?: string }[]
}) {
  const withOwn = rows.some((r) => r.own !== undefined)
  return (
    <Table
      wide={id}
      caption={caption}
      columns={[
        { header: 'Measure (0 to 100)' },
        { header: 'Organisations', numeric: true },
        { header: 'Median', numeric: true },
        { header: 'Middle half' },
        { header: 'Range' },
        ...(withOwn ? [{ header: 'Yours', numeric: true }, { header: 'Where you stand' }] : []),
      ]}
      rows={rows.map((r) => [
        r.label,
        ...distributionCells(r.distribution, kOrg),
        ...(withOwn ? [r.own ?? 'none', r.standing ?? ''] : []),
      ])}
    />
  )
}

export { score }
