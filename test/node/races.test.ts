import { createClient } from '@libsql/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../e2e/support/server'
import { firstAdmin } from '../helpers/signed-in'

let server: RunningServer
beforeEach(async () => {
  server = await startServer()
})
afterEach(async () => {
  await server.stop()
})

/** A form post to the running server, as a browser on its own pages sends it. */
const post = (path: string, fields: Record<string, string>) =>
  fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams(fields),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: server.baseUrl,
      'Sec-Fetch-Site': 'same-origin',
    },
  })

/** How many passwords the server checked: each check is audited, as a sign-in or a failure. */
async function passwordsChecked() {
  const client = createClient({ url: server.databaseUrl })
  try {
    const { rows } = await client.execute(
      "select count(*) as n from audit_log where action in ('sign-in', 'sign-in.failed')",
    )
    return Number(rows[0]?.n)
  } finally {
    client.close()
  }
}

describe('races on a running server', () => {
  it('checks at most five passwords of one account however many arrive at once', async () => {
    expect((await post('/setup', firstAdmin)).status).toBe(303)
    const before = await passwordsChecked()
    const sign = (password: string) =>
      post('/sign-in', { email: firstAdmin.email, password }).then(async (r) => {
        await r.arrayBuffer()
        return r.status
      })
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => sign(`wrong ${i}`)))
    expect(burst.filter((s) => s === 422)).toHaveLength(5)
    expect(burst.filter((s) => s === 429)).toHaveLength(35)
    expect((await passwordsChecked()) - before).toBe(5)
    const right = await sign(firstAdmin.password)
    expect(right).toBe(429)
    expect((await passwordsChecked()) - before).toBe(5)
  }, 60_000)
})
