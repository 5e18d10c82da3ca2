import { describe, expect, it } from 'vitest'
import { readCsvTable } from '../../src/instruments/csv-table'
import { readMetricValues } from '../../src/instruments/metric-csv'

const columns = ['metric', 'period', 'team', 'value', 'note'] as const

describe('reading an upload as a table', () => {
  it('keeps every row at the number a spreadsheet shows, past blank lines, in any header order and case', () => {
    const text =
      '\uFEFFValue,METRIC,period,team,note\r\n1,A,2026-01,,\r\n\r\n ,,,,\r\n2,"B, c",2026-02,,x\r\n'
    const table = readCsvTable(text, columns, { maxRows: 10, what: 'values' })
    expect(table.problem).toBeNull()
    expect(
      table.rows?.map((r) => [r.row, r.cell('metric'), r.cell('value'), r.cell('note')]),
    ).toEqual([
      [2, 'A', '1', ''],
      [5, 'B, c', '2', 'x'],
    ])
  })

  it('names every missing column, and the row past the limit', () => {
    expect(
      readCsvTable('metric,value\n', columns, { maxRows: 10, what: 'values' }).problem,
    ).toEqual({
      row: 1,
      column: 'file',
      message:
        'The header row has no column period, team, note; it must have metric, period, team, value, note',
    })
    const tooMany = `${columns.join(',')}\n${'a,b,c,d,e\n'.repeat(3)}`
    expect(readCsvTable(tooMany, columns, { maxRows: 2, what: 'values' }).problem).toEqual({
      row: 4,
      column: 'file',
      message: 'A file may hold at most 2 values; split it into smaller files',
    })
  })

  it('reports a metric value’s fault on its own row after a blank line', () => {
    const metrics = [
      {
        id: 'm',
        name: 'Peer workers',
        scope: 'organisation' as const,
        cadence: 'monthly' as const,
      },
    ]
    const { problems } = readMetricValues(
      `${columns.join(',')}\nPeer workers,2026-01,,3,\n\nPeer workers,2026-02,,three,\n`,
      { metrics, teams: [] },
    )
    expect(problems).toEqual([{ row: 4, column: 'value', message: '“three” is not a number' }])
  })
})
