import { serveStatic } from '@hono/node-server/serve-static'
import { createApp } from '../../src/app'
import { openLibsqlDb } from '../../src/db/libsql'
import type { Harness, HarnessOptions } from './types'

/** A new in-memory libSQL database with the real migrations, and the app on it. */
export async function freshHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { db } = await openLibsqlDb({ url: ':memory:' })
  const app = createApp({
    ...options,
    getDb: () => db,
    serveAssets: serveStatic({ root: './public' }),
  })
  return { runtime: 'node', app, db }
}
