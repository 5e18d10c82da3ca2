import { type Placeholder, sql } from 'drizzle-orm'
import type { Db } from './client'

/**
 * A statement compiled once for each database handle instead of on every run: it is built with
 * placeholders (see slot) and run with their values. Drizzle otherwise writes a statement's SQL
 * from its parts each time, which for a page's small statements costs as much as SQLite's work.
 */
export function preparedOnce<T>(prepare: (db: Db) => T): (db: Db) => T {
  const prepared = new WeakMap<Db, T>()
  return (db) => {
    let statement = prepared.get(db)
    if (statement === undefined) {
      statement = prepare(db)
      prepared.set(db, statement)
    }
    return statement
  }
}

/** A value a statement is built with: given, or a placeholder filled each time it runs. */
export type Bound = string | Placeholder

/** A placeholder for a prepared statement, filled from the values it is run with. */
export const slot = (name: string): Placeholder => sql.placeholder(name)
