import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import Database from 'libsql'
import { LRUCache } from 'lru-cache'
import type { Db } from './client'
import * as schema from './schema'

export const migrationsFolder = new URL('./migrations', import.meta.url).pathname

export type LibsqlOptions = { url: string; authToken?: string | undefined }

/**
 * The client prepares every statement afresh on each run, and preparing costs SQLite several
 * times what running does (136 µs against 21 µs for a respondent's four-table read). Each
 * connection keeps its last 500 prepared statements by their text and runs them again; SQLite
 * resets a statement before each run, and the client sets the same modes on it every time.
 * The client also asks each run for the statement's columns, twice, and whether it returns rows
 * (by trying raw mode, which throws for a write): both are fixed by the statement's text, so a
 * kept statement answers from what it was told the first time (about 80 µs of a saved answer).
 */
let keeping = false
function keepPreparedStatements() {
  if (keeping) return
  keeping = true
  const prepare = Database.prototype.prepare
  const kept = new WeakMap<Database.Database, LRUCache<string, ReturnType<typeof prepare>>>()
  Database.prototype.prepare = function keptStatement(this: Database.Database, source: string) {
    let statements = kept.get(this)
    if (!statements) {
      statements = new LRUCache({ max: 500 })
      kept.set(this, statements)
    }
    let statement = statements.get(source)
    if (!statement) {
      statement = rememberShape(prepare.call(this, source))
      statements.set(source, statement)
    }
    return statement
  } as typeof prepare
}

type Statement = ReturnType<Database.Database['prepare']>

function rememberShape(statement: Statement): Statement {
  const columns = statement.columns.bind(statement)
  let known: ReturnType<Statement['columns']> | undefined
  statement.columns = () => {
    known ??= columns()
    return known
  }
  const raw = statement.raw.bind(statement)
  let refusal: unknown
  statement.raw = (toggle?: boolean) => {
    if (refusal !== undefined) throw refusal
    try {
      return raw(toggle)
    } catch (error) {
      refusal = error
      throw error
    }
  }
  return statement
}

/** Up to 1 GiB of the file is mapped (the reference trust's is about 600 MB). */
export const mappedBytes = 2 ** 30

export async function openLibsqlDb({ url, authToken }: LibsqlOptions) {
  keepPreparedStatements()
  const client = createClient({ url, authToken })
  await client.execute('PRAGMA foreign_keys = ON')
  if (url.startsWith('file:')) {
    // Write-ahead logging: readers never wait for a writer, and a commit writes the log only. With
    // it, NORMAL is the level SQLite recommends: a commit survives the process being killed; only
    // a power cut or an operating-system crash may lose the last commits, never the file's
    // integrity. A writer waits up to 5 s for another instead of failing at once.
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('PRAGMA synchronous = NORMAL')
    await client.execute('PRAGMA busy_timeout = 5000')
    // Pages read through memory mapping rather than a system call each: a fresh process's first
    // read of a round's figures took twice as long without it. Only reads are mapped (SQLite
    // writes through the log), and address space is not memory: pages stay the system's cache.
    await client.execute(`PRAGMA mmap_size = ${mappedBytes}`)
  }
  const db: Db = drizzle(client, { schema })
  await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder })
  return { db, client, close: () => client.close() }
}
