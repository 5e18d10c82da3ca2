import { mkdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { openLibsqlDb } from '../src/db/libsql'

/** A migrated libSQL database at a file path; with `fresh`, any earlier file there is removed. */
export async function openFile(path: string, { fresh = false } = {}) {
  mkdirSync(dirname(path), { recursive: true })
  if (fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
  return openLibsqlDb({ url: `file:${path}` })
}
