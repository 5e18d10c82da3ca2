import { expect, it } from 'vitest'
import { axeViolations, describeInBrowser, focused, setUpThroughTheForm } from './support/browser'
import { useBrowserAndServer } from './support/lifecycle'

describeInBrowser('the idle-session warning in Chromium', () => {
  const session = useBrowserAndServer()

  it('warns two minutes before an idle session ends, and one keypress keeps it going', async () => {
    const page = await session.newPage()
    // the page's own clock is moved by the test; the server's session lasts 30 minutes idle
    await page.clock.install()
    await setUpThroughTheForm(page, session.baseUrl)
    await page.clock.fastForward('27:00')
    expect(await page.locator('#session-warning').isHidden()).toBe(true)

    await page.clock.fastForward('01:01')
    await page.locator('#session-warning').waitFor({ state: 'visible' })
    expect(await focused(page)).toBe('#stay-signed-in')
    expect(await axeViolations(page)).toEqual([])
    const extended = page.waitForResponse(
      (r) => r.url().endsWith('/session/extend') && r.status() === 204,
    )
    await page.keyboard.press('Enter')
    await extended
    await page.locator('#session-warning').waitFor({ state: 'hidden' })

    // the count starts again: no warning until 28 minutes after the extension
    await page.clock.fastForward('27:00')
    expect(await page.locator('#session-warning').isHidden()).toBe(true)
  })
})
