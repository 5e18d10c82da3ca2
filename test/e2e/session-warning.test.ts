import { expect, it } from 'vitest'
import { firstAdmin } from '../helpers/signed-in'
import { axeViolations, describeInBrowser, focused } from './support/browser'
import { useBrowserAndServer } from './support/lifecycle'

describeInBrowser('the idle-session warning in Chromium', () => {
  // sessions end after 2 minutes 5 seconds idle, so the warning comes 5 seconds after a page loads
  const session = useBrowserAndServer({ SESSION_IDLE_MINUTES: String(2 + 5 / 60) })

  it('warns two minutes before an idle session ends, and one keypress keeps it going', async () => {
    const page = await session.newPage()
    await page.goto(`${session.baseUrl}/setup`)
    await page.fill('#name', 'Northmoor Trust')
    await page.fill('#adminName', firstAdmin.adminName)
    await page.fill('#email', firstAdmin.email)
    await page.fill('#password', firstAdmin.password)
    await Promise.all([page.waitForURL(`${session.baseUrl}/`), page.press('#password', 'Enter')])
    expect(await page.locator('#session-warning').isHidden()).toBe(true)

    await page.locator('#session-warning').waitFor({ state: 'visible', timeout: 15_000 })
    expect(await focused(page)).toBe('#stay-signed-in')
    expect(await axeViolations(page)).toEqual([])
    const extended = page.waitForResponse(
      (r) => r.url().endsWith('/session/extend') && r.status() === 204,
    )
    await page.keyboard.press('Enter')
    await extended
    expect(await page.locator('#session-warning').isHidden()).toBe(true)
  })
})
