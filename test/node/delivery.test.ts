import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { openLibsqlDb } from '../../src/db/libsql'

const folder = mkdtempSync(join(tmpdir(), 'delivery-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('delivery on Node', () => {
  it('compresses a page for a browser that accepts gzip, and sends it whole to one that does not', async () => {
    const { db, close } = await openLibsqlDb({ url: ':memory:' })
    try {
      const app = createApp({ getDb: () => db, compress: true })
      const plain = await app.request('/setup')
      const zipped = await app.request('/setup', { headers: { 'Accept-Encoding': 'gzip' } })
      expect(plain.headers.get('Content-Encoding')).toBeNull()
      expect(zipped.headers.get('Content-Encoding')).toBe('gzip')
      const page = await plain.text()
      const bytes = new Uint8Array(await zipped.arrayBuffer())
      expect(bytes.length).toBeLessThan(page.length / 2)
      const unzipped = await new Response(
        new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')),
      ).text()
      expect(unzipped).toBe(page)
    } finally {
      close()
    }
  })

  it('keeps its database file in write-ahead logging, synchronous NORMAL, waiting up to 5 s for a writer', async () => {
    const url = `file:${join(folder, 'wal.db')}`
    const { close } = await openLibsqlDb({ url })
    close()
    const client = createClient({ url })
    try {
      const pragma = async (name: string) =>
        Object.values((await client.execute(`PRAGMA ${name}`)).rows[0] ?? {})[0]
      expect(await pragma('journal_mode')).toBe('wal')
      // The other two are the connection's own: read on the connection the app uses.
      const opened = await openLibsqlDb({ url })
      const closeAgain = opened.close
      try {
        const read = async (name: string) =>
          Object.values((await opened.client.execute(`PRAGMA ${name}`)).rows[0] ?? {})[0]
        expect(await read('synchronous')).toBe(1)
        expect(await read('busy_timeout')).toBe(5000)
      } finally {
        closeAgain()
      }
    } finally {
      client.close()
    }
  })
})
