import { getTableColumns, getTableName, is } from 'drizzle-orm'
import { type SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { insertSlices, maxParameters } from '../../src/db/chunks'
import * as schema from '../../src/db/schema'

const tables = (Object.values(schema) as unknown[]).filter((t): t is SQLiteTable =>
  is(t, SQLiteTable),
)

/** A value of a column's type, so that every column of a row is bound. */
function valueFor(column: SQLiteColumn, i: number) {
  switch (column.columnType) {
    case 'SQLiteInteger':
      return i
    case 'SQLiteReal':
      return i + 0.5
    case 'SQLiteBoolean':
      return true
    case 'SQLiteTextJson':
      return { i }
    default:
      return `value ${i}`
  }
}

const fullRows = (table: SQLiteTable, count: number) =>
  Array.from({ length: count }, (_, i) =>
    Object.fromEntries(
      Object.entries(getTableColumns(table)).map(([key, column]) => [key, valueFor(column, i)]),
    ),
  )

describe('inserting many rows under D1’s limit of 100 bound parameters', () => {
  it('slices the rows of every table so that no statement binds more than 100, whatever its columns', async () => {
    const { db } = await freshHarness()
    expect(tables.length).toBeGreaterThan(20)
    for (const table of tables) {
      const rows = fullRows(table, 250)
      const slices = insertSlices(table, rows)
      expect(slices.flat(), getTableName(table)).toEqual(rows)
      const bound = slices.map((slice) => db.insert(table).values(slice).toSQL().params.length)
      expect(Math.max(...bound), getTableName(table)).toBeLessThanOrEqual(maxParameters)
      // As many rows to a statement as fit: one more would pass the limit.
      const width = bound[0] ?? 0
      const columns = width / (slices[0]?.length ?? 1)
      expect(width + columns, getTableName(table)).toBeGreaterThan(maxParameters)
    }
  })
})
