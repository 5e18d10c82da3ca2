/** D1 binds at most 100 parameters a statement: long lists of rows go in slices. */
export const maxParameters = 100

export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, i * size + size),
  )
}

/** Rows of `columns` bound parameters each, as many to a statement as D1 allows. */
export function rowsPerStatement<T>(rows: readonly T[], columns: number): T[][] {
  return chunksOf(rows, Math.floor(maxParameters / columns))
}
