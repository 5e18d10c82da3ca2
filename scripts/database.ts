import { mkdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { openLibsqlDb } from '../src/db/libsql'

/** A migrated libSQL database at a file path; with `fresh`, any earlier file there is removed. */
export async function openFile(path: string, { fresh = false } = {}) {
  mkdirSync(dirname(path), { recursive: true })
  if (fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
  return openLibsqlDb({ url: `file:${path}` })
}

/** The database `npm start` uses: DATABASE_URL, or the local file by default; migrated. */
export function openConfigured() {
  const url = process.env.DATABASE_URL ?? 'file:./data/recovery.db'
  if (url.startsWith('file:')) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true })
  return openLibsqlDb({ url, authToken: process.env.DATABASE_AUTH_TOKEN })
}

/** Where people reach the service: PUBLIC_ORIGIN, or the local server `npm start` runs. */
export const serviceOrigin = () =>
  process.env.PUBLIC_ORIGIN ?? `http://localhost:${process.env.PORT ?? 8787}`
