import { type CsvProblem, readCsvTable } from './csv-table'
import { readNumber } from './numbers'
import { monthlyPeriod, quarterlyPeriod } from './strategy'

export const metricColumns = ['metric', 'period', 'team', 'value', 'note'] as const
type Column = (typeof metricColumns)[number]
export const maxMetricRows = 20_000

export type MetricProblem = CsvProblem<Column>

export type MetricValueRow = {
  metricId: string
  period: string
  groupId: string
  value: number
  note: string | null
}

type Context = {
  metrics: readonly {
    id: string
    name: string
    scope: 'organisation' | 'team'
    cadence: 'monthly' | 'quarterly'
  }[]
  teams: readonly { id: string; name: string }[]
}

const key = (name: string) => name.trim().toLowerCase()

/**
 * Reads a CSV of metric values (metric, period, team, value, note; one value a row) into values to
 * record. Every problem is listed by row and column; any problem means nothing is to be stored.
 * An organisation metric leaves team empty; a per-team metric names a team as it is here.
 */
export function readMetricValues(
  text: string,
  { metrics, teams }: Context,
): { values: MetricValueRow[]; problems: MetricProblem[] } {
  const table = readCsvTable(text, metricColumns, { maxRows: maxMetricRows, what: 'values' })
  if (table.problem) return { values: [], problems: [table.problem] }
  if (table.rows.length === 0)
    return {
      values: [],
      problems: [
        { row: 2, column: 'file', message: 'The file has no values under its header row' },
      ],
    }
  const metricsByName = new Map(metrics.map((m) => [key(m.name), m]))
  const teamsByName = new Map(teams.map((t) => [key(t.name), t]))
  const problems: MetricProblem[] = []
  const values: MetricValueRow[] = []
  const seen = new Map<string, number>()
  for (const { row, cell } of table.rows) {
    const problem = (column: Column, message: string) => problems.push({ row, column, message })
    const metric = metricsByName.get(key(cell('metric')))
    if (!metric)
      problem(
        'metric',
        cell('metric') ? `No metric is called “${cell('metric')}”` : 'Enter the metric’s name',
      )
    const period = cell('period')
    const pattern = metric?.cadence === 'quarterly' ? quarterlyPeriod : monthlyPeriod
    if (metric && !pattern.test(period))
      problem(
        'period',
        metric.cadence === 'quarterly'
          ? `“${period}” is not a quarter: write it as 2026-Q2`
          : `“${period}” is not a month: write it as 2026-05`,
      )
    const teamName = cell('team')
    let groupId = ''
    if (metric?.scope === 'team') {
      const team = teamsByName.get(key(teamName))
      if (!team)
        problem(
          'team',
          teamName
            ? `No team is called “${teamName}”`
            : 'Enter the team, for a metric of each team',
        )
      groupId = team?.id ?? ''
    } else if (metric && teamName) {
      problem('team', 'Leave team empty: this metric is for the organisation')
    }
    const raw = cell('value')
    const value = readNumber(raw)
    if (value === null) problem('value', raw ? `“${raw}” is not a number` : 'Enter the value')
    const note = cell('note')
    if (note.length > 500) problem('note', 'The note must be 500 characters or fewer')
    if (!metric || value === null || problems.some((p) => p.row === row)) continue
    const id = `${metric.id}|${period}|${groupId}`
    const earlier = seen.get(id)
    if (earlier !== undefined) problem('value', `Row ${earlier} already gives this value`)
    seen.set(id, row)
    values.push({ metricId: metric.id, period, groupId, value, note: note || null })
  }
  return problems.length > 0 ? { values: [], problems } : { values, problems }
}
