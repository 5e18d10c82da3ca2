import type { LibSQLDatabase } from 'drizzle-orm/libsql'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import type * as schema from './schema'

export type Schema = typeof schema

/** The part of drizzle that libSQL and D1 share: the query builder plus one atomic batch(). */
export type Db = BaseSQLiteDatabase<'async', unknown, Schema> &
  Pick<LibSQLDatabase<Schema>, 'batch'>
