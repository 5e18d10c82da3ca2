import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { mappedBytes, openLibsqlDb } from '../../src/db/libsql'
import { compressPages } from '../../src/node-compress'

const folder = mkdtempSync(join(tmpdir(), 'delivery-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('delivery on Node', () => {
  it('compresses a page with brotli or gzip as the browser takes them, and sends it whole to one that takes neither', async () => {
    const { db, close } = await openLibsqlDb({ url: ':memory:' })
    try {
      const app = createApp({ getDb: () => db, compress: compressPages() })
      const page = await (await app.request('/setup')).text()
      expect(page.length).toBeGreaterThan(1024)
      const asked = async (acceptEncoding: string) => {
        const res = await app.request('/setup', { headers: { 'Accept-Encoding': acceptEncoding } })
        return {
          encoding: res.headers.get('Content-Encoding'),
          vary: res.headers.get('Vary') ?? '',
          bytes: Buffer.from(await res.arrayBuffer()),
        }
      }
      const brotli = await asked('gzip, deflate, br')
      expect(brotli.encoding).toBe('br')
      expect(brotli.vary).toContain('Accept-Encoding')
      expect(brotliDecompressSync(brotli.bytes).toString()).toBe(page)
      expect(brotli.bytes.length).toBeLessThan(page.length / 2)
      const gzip = await asked('gzip, br;q=0')
      expect(gzip.encoding).toBe('gzip')
      expect(gunzipSync(gzip.bytes).toString()).toBe(page)
      for (const neither of ['identity', 'deflate', 'gzip;q=0, br;q=0', '']) {
        const plain = await asked(neither)
        expect([neither, plain.encoding]).toEqual([neither, null])
        expect(plain.bytes.toString()).toBe(page)
      }
      // A saved answer's status and the like are too small to gain from it.
      const health = await app.request('/healthz', { headers: { 'Accept-Encoding': 'br' } })
      expect(health.headers.get('Content-Encoding')).toBeNull()
    } finally {
      close()
    }
  })

  it('keeps its database file in write-ahead logging, synchronous NORMAL, waiting up to 5 s for a writer, read through memory mapping', async () => {
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
        expect(await read('mmap_size')).toBe(mappedBytes)
      } finally {
        closeAgain()
      }
    } finally {
      client.close()
    }
  })
})
