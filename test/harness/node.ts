import { createApp } from '../../src/app'
import { openLibsqlDb } from '../../src/db/libsql'
import { publishedFiles } from '../../src/node-assets'
import { type Harness, type HarnessOptions, testPasswordCost } from './types'

/** A new in-memory libSQL database with the real migrations, and the app on it. */
export async function freshHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { db } = await openLibsqlDb({ url: ':memory:' })
  const app = createApp({
    passwordCost: testPasswordCost,
    ...options,
    getDb: () => db,
    ...publishedFiles(),
  })
  return { runtime: 'node', app, db }
}
