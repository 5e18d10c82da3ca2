import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { Db } from './client'
import * as schema from './schema'

export const migrationsFolder = new URL('./migrations', import.meta.url).pathname

export type LibsqlOptions = { url: string; authToken?: string | undefined }

export async function openLibsqlDb({ url, authToken }: LibsqlOptions) {
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
  }
  const db: Db = drizzle(client, { schema })
  await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder })
  return { db, client, close: () => client.close() }
}
