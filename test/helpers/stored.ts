import { sql } from 'drizzle-orm'
import type { Db } from '../../src/db/client'

/** The product's own tables: every table but SQLite's, D1's and the migrations' bookkeeping. */
export async function storedTables(db: Db, except: readonly string[] = []) {
  const tables = await db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
        and name not like '_cf_%' and name not like 'd1_%' and name not like '__drizzle%'`,
  )
  return tables.map((t) => t.name).filter((name) => !except.includes(name))
}

/** Everything stored in the tables named, row by row, in an order that does not hang on rowids. */
export async function storedRows(db: Db, tables: readonly string[]) {
  const contents: Record<string, string[]> = {}
  for (const name of tables) {
    const rows = await db.all(sql.raw(`select * from "${name}"`))
    contents[name] = rows.map((row) => JSON.stringify(row)).sort()
  }
  return contents
}
