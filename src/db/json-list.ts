import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import type { Db } from './client'

/**
 * A list that pages read on every request, as one row: the database writes the rows as one JSON
 * array in order, so one value crosses into JavaScript instead of a row object per team or round
 * (a libSQL row object costs microseconds a column). Values come as SQLite holds them, so a JSON
 * column is given as json(column).
 */
export async function jsonList<T>(
  db: Db,
  fields: { [K in keyof T]: SQLWrapper },
  from: SQL,
  orderBy: SQL,
): Promise<T[]> {
  const object = sql.join(
    Object.entries<SQLWrapper>(fields).map(([key, value]) => sql`${sql.raw(`'${key}'`)}, ${value}`),
    sql`, `,
  )
  const [row] = await db.all<{ list: string }>(
    sql`select json_group_array(json_object(${object}) order by ${orderBy}) as list ${from}`,
  )
  return JSON.parse(row?.list ?? '[]') as T[]
}
