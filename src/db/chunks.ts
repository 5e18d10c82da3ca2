import { getTableColumns, type Table } from 'drizzle-orm'

/** D1 binds at most 100 parameters a statement: long lists go in slices. */
export const maxParameters = 100

export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, i * size + size),
  )
}

/**
 * Rows to insert into a table, in slices of as many as one statement can bind: a parameter for
 * each of the table's columns a row, counted from the table itself, so that a column added later
 * makes the slices smaller rather than a statement D1 refuses.
 */
export function insertSlices<T>(table: Table, rows: readonly T[]): T[][] {
  const columns = Object.keys(getTableColumns(table)).length
  return chunksOf(rows, Math.max(1, Math.floor(maxParameters / columns)))
}
