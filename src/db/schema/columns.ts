import { sql } from 'drizzle-orm'

/** A CHECK that a column holds one of an enum's values, written from the enum itself. */
export const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`)
