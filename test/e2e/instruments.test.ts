import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeEach, expect, it } from 'vitest'
import { toQuestionnaire } from '../../src/instruments/fhir/questionnaire'
import phq9 from '../fixtures/loinc-phq-9.json'
import { ownInstrument } from '../helpers/factories'
import {
  axeViolations,
  describeInBrowser,
  focused,
  setUpThroughTheForm,
  tabTo,
  textOf,
} from './support/browser'
import { useBrowserAndServer } from './support/lifecycle'

describeInBrowser('instruments in Chromium', () => {
  const session = useBrowserAndServer()
  let page: Page

  beforeEach(async () => {
    page = await session.newPage()
    await setUpThroughTheForm(page, session.baseUrl)
  })

  it('reaches a version from the list with the keyboard, every page axe-clean', async () => {
    await page.goto(`${session.baseUrl}/instruments`)
    expect(await axeViolations(page)).toEqual([])
    for (let i = 0; i < 30 && (await focused(page)) !== 'Team recovery focus'; i++)
      await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Team recovery focus')
    await Promise.all([page.waitForURL(/team-recovery-focus\/1$/), page.keyboard.press('Enter')])
    expect(await textOf(page, 'h1')).toBe('Team recovery focus')
    expect(await axeViolations(page)).toEqual([])

    await page.goto(`${session.baseUrl}/instruments/org-recovery-exec/1`)
    expect(await page.locator('tbody tr').count()).toBe(4 + 35)
    expect(await axeViolations(page)).toEqual([])
  })

  it('imports a Questionnaire, changes an item with the keyboard and publishes it', async () => {
    const file = join(tmpdir(), `ward-voices-${process.pid}.json`)
    writeFileSync(file, JSON.stringify(toQuestionnaire(ownInstrument())))
    await page.goto(`${session.baseUrl}/instruments/import`)
    expect(await axeViolations(page)).toEqual([])
    await page.setInputFiles('#file', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{}'),
    })
    await Promise.all([page.waitForLoadState(), page.click('#import-form button')])
    await page.locator('#file-error').waitFor()
    expect(await textOf(page, '#file-problems')).toContain('not a FHIR Questionnaire')
    expect(await axeViolations(page)).toEqual([])

    await page.setInputFiles('#file', file)
    await Promise.all([
      page.waitForURL(/ward-voices\/1\?imported=1$/),
      page.click('#import-form button'),
    ])
    expect(await textOf(page, '#import-summary')).toContain('24 questions in 10 domains')
    expect(await axeViolations(page)).toEqual([])

    await page.goto(`${session.baseUrl}/instruments/ward-voices/1/items/T01`)
    await tabTo(page, 'text-staff')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.press('Delete')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Save wording')
    await page.keyboard.press('Enter')
    await page.locator('.nhsuk-error-summary').waitFor()
    expect(await textOf(page, '#text-staff-error')).toContain('Enter the wording for staff')
    expect(await axeViolations(page)).toEqual([])
    await tabTo(page, 'text-staff')
    await page.keyboard.type('Everyone here believes people can recover.')
    await Promise.all([
      page.waitForURL(/ward-voices\/1$/),
      page.locator('#edit-item button').press('Enter'),
    ])
    expect(await page.content()).toContain('Everyone here believes people can recover.')

    await Promise.all([page.waitForLoadState(), page.click('text=Publish this version')])
    expect(await textOf(page, '.nhsuk-tag')).toBe('Published')
    expect(await page.locator('text=Start the next version').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
  })

  it('imports LOINC’s PHQ-9 and shows what it scores and what it keeps unscored', async () => {
    const file = join(tmpdir(), `phq-9-${process.pid}.json`)
    writeFileSync(file, JSON.stringify(phq9))
    await page.goto(`${session.baseUrl}/instruments/import`)
    await page.setInputFiles('#file', file)
    await Promise.all([page.waitForURL(/phq9\/1\?imported=1$/), page.click('#import-form button')])
    expect(await textOf(page, '#import-summary')).toContain(
      '9 questions scored in 1 domain; 2 items kept but not scored',
    )
    expect(await page.locator('#not-scored li').count()).toBe(2)
    expect(await axeViolations(page)).toEqual([])
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await axeViolations(page)).toEqual([])
  })
})
