import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import worker from '../../src/worker'

const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} }

describe('the Workers entry', () => {
  it('serves the setup page and a healthy /healthz from the D1 binding', async () => {
    const setup = await worker.fetch(new Request('https://trust.example/setup'), env, ctx)
    expect(setup.status).toBe(200)
    expect(await setup.text()).toContain('<h1>Set up your organisation</h1>')

    const health = await worker.fetch(new Request('https://trust.example/healthz'), env, ctx)
    expect(health.status).toBe(200)
  })

  it('serves the vendored assets through the ASSETS binding with the security headers', async () => {
    const res = await worker.fetch(
      new Request('https://trust.example/vendor/htmx/htmx.min.js'),
      env,
      ctx,
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toContain('javascript')
    expect(res.headers.get('Strict-Transport-Security')).toContain('max-age=31536000')
    expect((await res.text()).length).toBeGreaterThan(10_000)
  })
})
