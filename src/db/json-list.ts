import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import type { Db } from './client'
import { preparedOnce } from './prepared'

/** A list for jsonList: the fields of each item, where they come from and in what order. */
export type ListQuery<T> = {
  fields: { [K in keyof T]: SQLWrapper }
  from: SQL
  /** Without it, the items come in the order the database finds them. */
  orderBy?: SQL
  /** Names the type of the list's items; never set. */
  item?: T
}

type Item<L> = L extends { item?: infer T } ? T : never

/** What jsonLists reads for the lists given: each list's items. */
export type Lists<L> = { [K in keyof L]: Item<L[K]>[] }

/**
 * The list as one JSON value: an array of arrays, each item's values in the order of its fields
 * (an array of objects would repeat every key in every item, and costs SQLite about twice as much
 * to write).
 */
const listValue = ({ fields, from, orderBy }: ListQuery<unknown>) =>
  sql`(select json_group_array(json_array(${sql.join(Object.values<SQLWrapper>(fields), sql`, `)})${
    orderBy ? sql` order by ${orderBy}` : sql``
  }) ${from})`

function readList<T>(list: ListQuery<T>, text: string | null | undefined): T[] {
  const keys = Object.keys(list.fields)
  return (JSON.parse(text ?? '[]') as unknown[][]).map((values) => {
    const item: Record<string, unknown> = {}
    for (let i = 0; i < keys.length; i++) item[keys[i] as string] = values[i]
    return item as T
  })
}

/** The lists' values in one row, as SQL columns. */
const listColumns = (lists: Record<string, ListQuery<object>>) =>
  Object.fromEntries(
    Object.entries(lists).map(([name, list]) => [name, sql<string | null>`${listValue(list)}`]),
  )

const readLists = <L extends Record<string, ListQuery<object>>>(
  lists: L,
  row: Record<string, string | null> | undefined,
) =>
  Object.fromEntries(
    Object.entries(lists).map(([name, list]) => [name, readList(list, row?.[name])]),
  ) as Lists<L>

/**
 * Lists that pages read on every request, in one statement of one row: the database writes each
 * list as one JSON value, so one value a list crosses into JavaScript instead of a row object per
 * team or round (a libSQL row object costs microseconds a column), and the statement's own cost
 * is paid once for them all. Values come as SQLite holds them, so a JSON column is given as
 * json(column).
 */
export async function jsonLists<L extends Record<string, ListQuery<object>>>(
  db: Db,
  lists: L,
): Promise<Lists<L>> {
  const [row] = await db.select(listColumns(lists)).from(oneRow)
  return readLists(lists, row)
}

const oneRow = sql`(select 1)`

/**
 * Lists (see jsonLists) built once with placeholders (see slot) and compiled once a database
 * handle, for a page read on every request: each call fills in the values.
 */
export function preparedLists<L extends Record<string, ListQuery<object>>>(lists: L) {
  const statement = preparedOnce((db) => db.select(listColumns(lists)).from(oneRow).prepare())
  return async (db: Db, values: Record<string, string>): Promise<Lists<L>> => {
    const [row] = await statement(db).all(values)
    return readLists(lists, row)
  }
}

/** One list (see jsonLists). */
export async function jsonList<T>(db: Db, list: ListQuery<T>): Promise<T[]> {
  return (await jsonLists(db, { list: list as ListQuery<object> })).list as T[]
}
