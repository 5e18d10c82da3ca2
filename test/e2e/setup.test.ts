import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { firstAdmin } from '../helpers/signed-in'
import {
  axeViolations,
  axeViolationsWithScriptsOff,
  describeInBrowser,
  focused,
  tabTo,
  textOf,
} from './support/browser'
import { useBrowserAndServer } from './support/lifecycle'

/** From the organisation name, Tab through the account fields and fill them in. */
async function typeAccount(page: Page) {
  for (const [id, value] of [
    ['adminName', firstAdmin.adminName],
    ['email', firstAdmin.email],
    ['password', firstAdmin.password],
  ] as const) {
    await tabTo(page, id)
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(value)
  }
}

describeInBrowser('first-run setup and sign-in in Chromium', () => {
  const session = useBrowserAndServer()

  /** Records what the page complained of: script errors and refused resources (CSP). */
  function watchForProblems(page: Page) {
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      const text = message.text()
      // A 4xx answer is logged by the browser as a failed load; that one is expected here.
      if (message.type() === 'error' && !text.includes('the server responded with a status of')) {
        problems.push(`console: ${text}`)
      }
    })
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`))
    return problems
  }

  it('is completed with the keyboard alone, with htmx swapping the errors in place', async () => {
    const page = await session.newPage()
    const problems = watchForProblems(page)

    await page.goto(`${session.baseUrl}/`)
    expect(new URL(page.url()).pathname).toBe('/setup')
    await page.waitForFunction(() => 'htmx' in window)
    expect(await axeViolations(page)).toEqual([])

    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Skip to main content')

    await tabTo(page, 'name')
    await page.evaluate(() => {
      ;(window as unknown as { notReloaded: boolean }).notReloaded = true
    })
    await page.keyboard.press('Enter')
    await page.locator('.nhsuk-error-summary').waitFor()
    expect(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true)
    expect(await textOf(page, '#name-error')).toContain('Enter the organisation name')
    expect(await page.evaluate(() => document.activeElement?.className)).toContain(
      'nhsuk-error-summary',
    )
    expect(await axeViolations(page)).toEqual([])

    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Enter the organisation name')
    await page.keyboard.press('Enter')
    expect(await focused(page)).toBe('#name')
    await page.keyboard.type('Northmoor Mental Health Trust')
    await typeAccount(page)
    await Promise.all([page.waitForURL(`${session.baseUrl}/`), page.keyboard.press('Enter')])

    expect(await textOf(page, 'h1')).toBe('Northmoor Mental Health Trust')
    expect(await axeViolations(page)).toEqual([])

    await tabTo(page, 'sign-out', 30, 'Sign out')
    await Promise.all([page.waitForURL(/\/sign-in$/), page.keyboard.press('Enter')])
    expect(await axeViolations(page)).toEqual([])
    await tabTo(page, 'email')
    await page.keyboard.type(firstAdmin.email)
    await page.keyboard.press('Tab')
    await page.keyboard.type('a wrong password')
    await page.keyboard.press('Enter')
    await page.locator('.nhsuk-error-summary').waitFor()
    expect(await textOf(page, '.nhsuk-error-summary')).toContain(
      'The email address or password is not right',
    )
    expect(await axeViolations(page)).toEqual([])
    await tabTo(page, 'password')
    await page.keyboard.type(firstAdmin.password)
    await Promise.all([page.waitForURL(`${session.baseUrl}/`), page.keyboard.press('Enter')])
    expect(await textOf(page, 'h1')).toBe('Northmoor Mental Health Trust')

    await page.goto(`${session.baseUrl}/no-such-page`)
    expect(await textOf(page, 'h1')).toBe('Page not found')
    expect(await axeViolations(page)).toEqual([])
    expect(problems).toEqual([])
  })

  it('is completed with JavaScript turned off', async () => {
    const page = await session.newPage({ javaScriptEnabled: false })

    await page.goto(`${session.baseUrl}/`)
    expect(new URL(page.url()).pathname).toBe('/setup')
    expect(await axeViolationsWithScriptsOff(session.browser, page)).toEqual([])

    await tabTo(page, 'name')
    await page.keyboard.press('Enter')
    await page.locator('.nhsuk-error-summary').waitFor()
    expect(await page.title()).toMatch(/^Error: Set up your organisation/)
    expect(await textOf(page, '.nhsuk-error-summary')).toContain('Enter the organisation name')
    expect(await axeViolationsWithScriptsOff(session.browser, page)).toEqual([])

    await tabTo(page, 'name')
    await page.keyboard.type('N'.repeat(121))
    await page.keyboard.press('Enter')
    await page.locator('#name-error', { hasText: '120 characters or fewer' }).waitFor()
    expect(await textOf(page, '#name-error')).toContain('120 characters or fewer')
    expect(await page.locator('#name').inputValue()).toBe('N'.repeat(121))

    await tabTo(page, 'name')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('Eastvale Community Trust')
    await typeAccount(page)
    await Promise.all([page.waitForURL(`${session.baseUrl}/`), page.keyboard.press('Enter')])
    expect(await textOf(page, 'h1')).toBe('Eastvale Community Trust')
    expect(await axeViolationsWithScriptsOff(session.browser, page)).toEqual([])
  })
})
