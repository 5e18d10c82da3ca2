import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import * as schema from '../../src/db/schema'

describe('health check on Node', () => {
  it('answers 503 when the libSQL server cannot be reached', async () => {
    const client = createClient({ url: 'http://127.0.0.1:9' })
    const app = createApp({ getDb: () => drizzle(client, { schema }) })
    const res = await app.request('/healthz')
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ status: 'unavailable' })
    client.close()
  })
})
