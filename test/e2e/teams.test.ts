import type { Page } from 'playwright-core'
import { beforeEach, expect, it } from 'vitest'
import {
  axeViolations,
  describeInBrowser,
  setUpThroughTheForm,
  tabTo,
  textOf,
} from './support/browser'
import { useBrowserAndServer } from './support/lifecycle'

describeInBrowser('teams in Chromium', () => {
  const session = useBrowserAndServer()
  let page: Page

  beforeEach(async () => {
    page = await session.newPage()
    await setUpThroughTheForm(page, session.baseUrl)
  })

  it('adds a service line and a team with the keyboard, every page axe-clean', async () => {
    await page.goto(`${session.baseUrl}/teams`)
    expect(await axeViolations(page)).toEqual([])

    await page.goto(`${session.baseUrl}/teams/groupings/new`)
    expect(await axeViolations(page)).toEqual([])
    await tabTo(page, 'name')
    await page.keyboard.type('Adult community')
    await Promise.all([page.waitForURL(/\/teams$/), page.keyboard.press('Enter')])

    await page.goto(`${session.baseUrl}/teams/new`)
    await tabTo(page, 'name')
    await page.keyboard.press('Enter')
    await page.locator('.nhsuk-error-summary').waitFor()
    expect(await textOf(page, '.nhsuk-error-summary')).toContain('Choose the type of team')
    expect(await axeViolations(page)).toEqual([])

    await tabTo(page, 'name')
    await page.keyboard.type('Riverside CMHT')
    await tabTo(page, 'teamType')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await tabTo(page, 'groupingId')
    await page.keyboard.press('ArrowDown')
    await Promise.all([
      page.waitForURL(/\/teams\/[0-9a-f-]{36}$/),
      page.locator('#team-form button').press('Enter'),
    ])
    expect(await textOf(page, 'h1')).toBe('Riverside CMHT')
    expect(await page.content()).toContain('Adult community')
    expect(await axeViolations(page)).toEqual([])
  })
})
