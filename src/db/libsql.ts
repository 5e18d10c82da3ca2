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
  const db: Db = drizzle(client, { schema })
  await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder })
  return { db, close: () => client.close() }
}
