import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { type Browser, chromium, type Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { firstAdmin } from '../../helpers/signed-in'

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
export const chromiumPath = candidates.find((path) => path && existsSync(path))

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
}

/**
 * A suite that needs Chromium. Without it the suite reports itself skipped, with the reason in its
 * name, unless REQUIRE_BROWSER=1, when it fails.
 */
export function describeInBrowser(name: string, suite: () => void) {
  if (chromiumPath) return describe(name, suite)
  if (process.env.REQUIRE_BROWSER === '1') {
    return describe(name, () => {
      it('needs Chromium (REQUIRE_BROWSER=1), and none was found', () => {
        expect.fail(`No Chromium at ${candidates.filter(Boolean).join(', ')}`)
      })
    })
  }
  return describe.skipIf(true)(`${name} (skipped: no Chromium found; set CHROMIUM_PATH)`, suite)
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)
const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] }

/** Runs axe-core's WCAG 2.2 A and AA rules on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe
    const results = (await axe.run(document, { runOnly: { type: 'tag', values: tags } })) as {
      violations: AxeViolation[]
    }
    return results.violations
  }, wcag22aa)
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}

/**
 * axe-core needs timers, which do not run in a page with JavaScript off. This scans that page's
 * markup as it stands, served at the same address to a fresh page whose own scripts are blocked.
 */
export async function axeViolationsWithScriptsOff(browser: Browser, page: Page) {
  const url = page.url()
  const markup = await page.content()
  const context = await browser.newContext()
  try {
    const scan = await context.newPage()
    await scan.route('**/*', (route) => {
      const request = route.request()
      if (request.resourceType() === 'document' && request.url() === url) {
        return route.fulfill({ contentType: 'text/html; charset=utf-8', body: markup })
      }
      if (request.resourceType() === 'script') return route.abort()
      return route.continue()
    })
    await scan.goto(url)
    return await axeViolations(scan)
  } finally {
    await context.close()
  }
}

/** The id, or failing that the text, of the element that has keyboard focus. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body) return ''
    return element.id ? `#${element.id}` : (element.textContent ?? '').trim()
  })
}

/**
 * Presses Tab until the element with this id (or, failing an id, this text) has focus, as a
 * keyboard user would.
 */
export async function tabTo(page: Page, id: string, maxPresses = 20, text?: string) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab')
    const now = await focused(page)
    if (now === `#${id}` || (text !== undefined && now === text)) return
  }
  throw new Error(`#${id} was not reached with ${maxPresses} presses of Tab`)
}

/** The text of the first element the selector finds, with its surrounding white space trimmed. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim()
}

/** First-run setup through the form, as the first admin, leaving the page signed in at home. */
export async function setUpThroughTheForm(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/setup`)
  await page.fill('#name', 'Northmoor Trust')
  await page.fill('#adminName', firstAdmin.adminName)
  await page.fill('#email', firstAdmin.email)
  await page.fill('#password', firstAdmin.password)
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.press('#password', 'Enter')])
}

/** Types a date into a date input's day, month and year boxes, as a person would. */
export async function fillDate(page: Page, name: string, iso: string) {
  const [year = '', month = '', day = ''] = iso.split('-')
  await page.fill(`#${name}`, String(Number(day)))
  await page.fill(`#${name}-month`, String(Number(month)))
  await page.fill(`#${name}-year`, year)
}
