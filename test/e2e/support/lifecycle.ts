import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { launchBrowser } from './browser'
import { type RunningServer, startServer } from './server'

/**
 * One Chromium for the suite, and a new server on a new database for every test, with any
 * environment variables given.
 */
export function useBrowserAndServer(env: Record<string, string> = {}) {
  let browser: Browser | undefined
  let server: RunningServer | undefined
  let contexts: BrowserContext[] = []
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    server = await startServer(env)
  })
  afterEach(async () => {
    for (const context of contexts) await context.close()
    contexts = []
    await server?.stop()
  })
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running`)
    return value
  }
  return {
    get browser() {
      return required(browser, 'Chromium')
    },
    get baseUrl() {
      return required(server, 'The server').baseUrl
    },
    get databaseUrl() {
      return required(server, 'The server').databaseUrl
    },
    async newPage(options: BrowserContextOptions = {}) {
      const context = await required(browser, 'Chromium').newContext(options)
      contexts.push(context)
      return context.newPage()
    },
  }
}
