import { env } from 'cloudflare:test'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/d1'
import { createApp } from '../../src/app'
import * as schema from '../../src/db/schema'
import { type Harness, type HarnessOptions, testPasswordCost } from './types'

/** Local D1 in workerd (migrated by the setup file), emptied, and the app on it. */
export async function freshHarness(options: HarnessOptions = {}): Promise<Harness> {
  const db = drizzle(env.DB, { schema })
  // Emptied in one batch; the guarding triggers are set aside for it and put back as they were.
  const objects = await db.all<{ type: string; name: string; sql: string }>(
    sql`select type, name, sql from sqlite_master where type in ('table', 'trigger')
        and name not like 'sqlite_%' and name not like '_cf_%' and name <> 'd1_migrations'`,
  )
  const triggers = objects.filter((s) => s.type === 'trigger')
  await env.DB.batch([
    env.DB.prepare('PRAGMA defer_foreign_keys = ON'),
    ...triggers.map(({ name }) => env.DB.prepare(`drop trigger "${name}"`)),
    ...objects
      .filter((s) => s.type === 'table')
      .map(({ name }) => env.DB.prepare(`delete from "${name}"`)),
    ...triggers.map((trigger) => env.DB.prepare(trigger.sql)),
  ])
  const app = createApp({
    passwordCost: testPasswordCost,
    ...options,
    getDb: () => db,
    assetPaths: async (c) =>
      (await env.ASSETS.fetch(new Request(new URL('/assets/manifest.json', c.req.url)))).json(),
    serveAssets: async (c) => {
      const asset = await env.ASSETS.fetch(c.req.raw)
      return new Response(asset.body, asset)
    },
  })
  return { runtime: 'workers', app, db }
}
