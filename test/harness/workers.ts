import { env } from 'cloudflare:test'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/d1'
import { createApp } from '../../src/app'
import * as schema from '../../src/db/schema'
import type { Harness } from './types'

/** Local D1 in workerd (migrated by the setup file), emptied, and the app on it. */
export async function freshHarness(): Promise<Harness> {
  const db = drizzle(env.DB, { schema })
  const tables = await db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table'
        and name not like 'sqlite_%' and name not like '_cf_%' and name <> 'd1_migrations'`,
  )
  await env.DB.batch([
    env.DB.prepare('PRAGMA defer_foreign_keys = ON'),
    ...tables.map(({ name }) => env.DB.prepare(`delete from "${name}"`)),
  ])
  const app = createApp({
    getDb: () => db,
    serveAssets: async (c) => {
      const asset = await env.ASSETS.fetch(c.req.raw)
      return new Response(asset.body, asset)
    },
  })
  return { runtime: 'workers', app, db }
}
