import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { people, sessions } from '../../src/db/schema'
import { formLimitBytes, uploadLimitBytes } from '../../src/lib/security'
import { testOrigin } from '../helpers/requests'
import { setUpAndSignIn } from '../helpers/signed-in'

const formHeaders = {
  Origin: testOrigin,
  'Sec-Fetch-Site': 'same-origin',
  'Content-Type': 'application/x-www-form-urlencoded',
}

/** A body sent in pieces with no stated length, as a client streaming it would. */
function streamed(bytes: number) {
  let sent = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close()
      const chunk = new Uint8Array(Math.min(65_536, bytes - sent)).fill(0x61)
      sent += chunk.length
      controller.enqueue(chunk)
    },
  })
}

describe('request size limits', () => {
  it('refuses a form over the limit with a 413 that says so, signed out or in, and stores nothing', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const sessionsBefore = (await h.db.select().from(sessions)).length
    const huge = `email=${'a'.repeat(formLimitBytes)}&password=x`
    const refused = await h.app.request('/sign-in', {
      method: 'POST',
      headers: formHeaders,
      body: huge,
    })
    expect(refused.status).toBe(413)
    // As a server hears it: the length stated, and judged by it before anything is read.
    const stated = await h.app.request('/sign-in', {
      method: 'POST',
      headers: { ...formHeaders, 'Content-Length': String(huge.length) },
      body: huge,
    })
    expect(stated.status).toBe(413)
    const page = await refused.text()
    expect(page).toContain('This is too large to send')
    expect(page).toContain('at most 1 MB')
    const chunked = await h.app.request('/sign-in', {
      method: 'POST',
      headers: formHeaders,
      body: streamed(formLimitBytes + 1),
      duplex: 'half',
    } as RequestInit)
    expect(chunked.status).toBe(413)
    const renamed = await h.post('/teams/new', { name: 'x'.repeat(formLimitBytes) })
    expect(renamed.status).toBe(413)
    expect((await h.db.select().from(sessions)).length).toBe(sessionsBefore)
    expect((await h.db.select().from(people)).length).toBe(1)
    const within = `email=${'a'.repeat(formLimitBytes - 100)}&password=x`
    for (const headers of [
      formHeaders,
      { ...formHeaders, 'Content-Length': String(within.length) },
    ]) {
      const fine = await h.app.request('/sign-in', { method: 'POST', headers, body: within })
      expect(fine.status).not.toBe(413)
    }
  })

  it('lets an upload path take its file’s stated maximum, and no more', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const limit = uploadLimitBytes['/rounds/import'] ?? 0
    expect(limit).toBeGreaterThan(5_000_000)
    const twoMegabytes = await h.upload('/rounds/import', {
      name: 'rounds.csv',
      content: 'x'.repeat(2_000_000),
    })
    expect(twoMegabytes.status).not.toBe(413)
    const over = await h.upload('/rounds/import', {
      name: 'rounds.csv',
      content: 'x'.repeat(limit),
    })
    expect(over.status).toBe(413)
    expect(await over.text()).toContain('at most 5.1 MB')
  })
})
