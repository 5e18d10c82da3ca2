import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeEach, expect, it } from 'vitest'
import { axeViolations, describeInBrowser, setUpThroughTheForm, textOf } from './support/browser'
import { useBrowserAndServer } from './support/lifecycle'
import { openRoundThroughTheForms } from './support/rounds'

describeInBrowser('rounds in Chromium', () => {
  const session = useBrowserAndServer()
  let page: Page

  beforeEach(async () => {
    page = await session.newPage()
    await setUpThroughTheForm(page, session.baseUrl)
  })

  it('creates a round after fixing the form’s errors, every rounds page axe-clean', async () => {
    await page.goto(`${session.baseUrl}/rounds`)
    expect(await axeViolations(page)).toEqual([])
    await page.goto(`${session.baseUrl}/rounds/new`)
    expect(await axeViolations(page)).toEqual([])
    await page.fill('#anonymityThreshold', '2')
    await page.click('#round-form button[type=submit]')
    await page.locator('.nhsuk-error-summary').waitFor()
    expect(await textOf(page, '.nhsuk-error-summary')).toContain('must be at least 3')
    expect(await axeViolations(page)).toEqual([])
    const roundUrl = await openRoundThroughTheForms(page, session.baseUrl, { mode: 'consensus' })
    expect(await axeViolations(page)).toEqual([])
    await page.goto(`${session.baseUrl}/`)
    expect(await textOf(page, 'main')).toContain('Consensus ratings to record')
    expect(await axeViolations(page)).toEqual([])
    await page.goto(roundUrl)
    await page.click('text=Record the consensus')
    expect(await textOf(page, 'main')).toContain('Record the rating the group agrees on')
    await page.click('text=Start now')
    await page.check('#answer-T01-4')
    await page.fill('#dissent-T01', 'Two members rated it lower')
    await page.locator('#saved-T01', { hasText: 'Saved' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
  })

  it('lists every problem of a historical import, axe-clean', async () => {
    const file = join(tmpdir(), `history-${Date.now()}.csv`)
    writeFileSync(
      file,
      'round_name,round_date,group,perspective,mode,respondent,linkId,value\r\nOld,2020-01-31,Nowhere,staff,individual,A,T01,9\r\n',
    )
    await page.goto(`${session.baseUrl}/rounds/import`)
    expect(await axeViolations(page)).toEqual([])
    await page.selectOption('#instrument', 'team-recovery-focus@1')
    await page.setInputFiles('#file', file)
    await page.click('text=Import the rounds')
    expect(await textOf(page, 'main')).toContain('2 problems of 2 kinds; nothing was imported')
    expect(await axeViolations(page)).toEqual([])
  })
})
