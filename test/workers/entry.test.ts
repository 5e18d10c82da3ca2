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

  it('serves the published files through the ASSETS binding, kept a year, with the security headers', async () => {
    const manifest = await worker.fetch(
      new Request('https://trust.example/assets/manifest.json'),
      env,
      ctx,
    )
    const published = (await manifest.json()) as Record<string, string>
    const setup = await (
      await worker.fetch(new Request('https://trust.example/setup'), env, ctx)
    ).text()
    expect(setup).toContain(`<script src="${published['htmx.js']}"`)
    const res = await worker.fetch(
      new Request(`https://trust.example${published['htmx.js']}`),
      env,
      ctx,
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('Content-Type')).toContain('javascript')
    expect(res.headers.get('Strict-Transport-Security')).toContain('max-age=31536000')
    expect((await res.text()).length).toBeGreaterThan(10_000)
  })
})
