import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const folder = mkdtempSync(join(tmpdir(), 'seed-demo-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** `npm run seed:demo` as the README gives it, with this database and port. */
async function seedDemo(url: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/seed-demo.ts', ...args],
      { env: { ...process.env, DATABASE_URL: url, PORT: '9123' } },
    )
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

async function organisations(url: string) {
  const client = createClient({ url })
  try {
    return (await client.execute('select name from organisations')).rows.map((r) => r.name)
  } finally {
    client.close()
  }
}

describe('the demo, as the README runs it', () => {
  it('fills the database npm start uses, refuses one already in use with what to do, and starts afresh when asked', async () => {
    const url = `file:${join(folder, 'recovery.db')}`
    const first = await seedDemo(url)
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('open http://localhost:9123 and sign in as')
    expect(first.stdout).toMatch(/http:\/\/localhost:9123\/r\/[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}/)
    expect(await organisations(url)).toEqual(['Northmoor Mental Health Trust (demo)'])

    const again = await seedDemo(url)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain(`${join(folder, 'recovery.db')} already holds an organisation`)
    expect(again.stderr).toContain('npm run seed:demo -- --fresh')
    expect(await organisations(url)).toEqual(['Northmoor Mental Health Trust (demo)'])

    const afresh = await seedDemo(url, '--fresh')
    expect(afresh.code).toBe(0)
    expect(await organisations(url)).toEqual(['Northmoor Mental Health Trust (demo)'])
  }, 120_000)
})
