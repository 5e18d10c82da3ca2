import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import {
  axeViolations,
  axeViolationsWithScriptsOff,
  describeInBrowser,
  setUpThroughTheForm,
  textOf,
} from './support/browser'
import { seedDemo, signInToDemo } from './support/demo'
import { useBrowserAndServer } from './support/lifecycle'
import { makeLinks, openRoundThroughTheForms } from './support/rounds'

/** Whether anything on the page reaches past the window's width. */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)

/** Whether the element is shown, not merely present. */
const shown = (page: Page, selector: string) => page.locator(selector).first().isVisible()

describeInBrowser('every role’s day in Chromium', () => {
  const session = useBrowserAndServer()

  it('an admin’s first day at 390 px: the first steps, ticked as each is done', async () => {
    const page = await session.newPage({ viewport: { width: 390, height: 844 } })
    await setUpThroughTheForm(page, session.baseUrl)
    expect(await textOf(page, 'main')).toContain('Get started')
    expect(await textOf(page, '#step-teams-status')).toBe('Not done yet')
    expect(await overflows(page)).toBe(false)
    expect(await axeViolations(page)).toEqual([])
    await openRoundThroughTheForms(page, session.baseUrl)
    await page.goto(`${session.baseUrl}/`)
    expect(await textOf(page, '#step-teams-status')).toBe('Completed')
    expect(await textOf(page, '#step-round-status')).toBe('Completed')
    expect(await textOf(page, '#step-people-status')).toBe('Not done yet')
    expect(await axeViolations(page)).toEqual([])
  })

  it('links made, reloaded, printed as cards with a code, typed by a respondent without JavaScript', async () => {
    const admin = await session.newPage()
    await setUpThroughTheForm(admin, session.baseUrl)
    const roundUrl = await openRoundThroughTheForms(admin, session.baseUrl)
    const links = await makeLinks(admin, roundUrl, 2)
    await admin.reload()
    expect(await admin.locator('.app-link-card__url').allTextContents()).toEqual(links)
    expect(await admin.locator('svg.app-qr-code').count()).toBe(2)
    const code = (await admin.locator('.app-link-card__code').first().textContent())?.trim() ?? ''
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    expect(await axeViolations(admin)).toEqual([])

    const person = await session.newPage({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    })
    await person.goto(`${session.baseUrl}/r`)
    expect(await axeViolationsWithScriptsOff(session.browser, person)).toEqual([])
    const wrong = code.replace(/.$/, (last) => (last === '2' ? '3' : '2'))
    await person.fill('#code', wrong)
    await person.click('text=Continue')
    expect(await textOf(person, '.nhsuk-error-summary')).toContain(
      'We could not find a questionnaire with this code',
    )
    expect(await axeViolationsWithScriptsOff(session.browser, person)).toEqual([])
    await person.fill('#code', code.toLowerCase().replaceAll('-', ' '))
    await person.click('text=Continue')
    expect(person.url()).toBe(`${session.baseUrl}/r/${code}`)
    expect(await textOf(person, 'main')).toContain('What happens to your answers')
    // Without JavaScript the page says what is true: answers are saved by the buttons.
    expect(await shown(person, '.app-no-js')).toBe(true)
    expect(await shown(person, '.app-js-only')).toBe(false)
    expect(await overflows(person)).toBe(false)

    const scripted = await session.newPage()
    await scripted.goto(links[1] ?? '')
    expect(await shown(scripted, '.app-js-only')).toBe(true)
    expect(await shown(scripted, '.app-no-js')).toBe(false)
  })

  it('a person using the service reads plain headings at 390 px', async () => {
    const admin = await session.newPage()
    await setUpThroughTheForm(admin, session.baseUrl)
    const roundUrl = await openRoundThroughTheForms(admin, session.baseUrl)
    const [link] = await makeLinks(admin, roundUrl, 1, 'person-using-service')
    const page = await session.newPage({ viewport: { width: 390, height: 844 } })
    await page.goto(link ?? '')
    expect(await textOf(page, 'main')).toMatch(/It takes about \d+ minutes/)
    await page.click('text=Start now')
    expect(await textOf(page, 'h1')).toBe('Section 1 of 10How staff treat you')
    expect(await textOf(page, 'main')).not.toContain('Everyday interactions')
    expect(await overflows(page)).toBe(false)
    expect(await axeViolations(page)).toEqual([])
  })

  it('closing a round asks first, then shows the day it closed and its results', async () => {
    const page = await session.newPage()
    await setUpThroughTheForm(page, session.baseUrl)
    const roundUrl = await openRoundThroughTheForms(page, session.baseUrl)
    const close = page.locator('a.nhsuk-button', { hasText: 'Close the round' })
    await Promise.all([page.waitForURL(`${roundUrl}/close`), close.click()])
    expect(await textOf(page, 'h1')).toBe('Are you sure you want to close this round?')
    expect(await axeViolations(page)).toEqual([])
    await page.click('text=No, go back to the round')
    expect(page.url()).toBe(roundUrl)
    expect(await textOf(page, 'h1')).toContain('Open')
    await Promise.all([page.waitForURL(`${roundUrl}/close`), close.click()])
    await Promise.all([page.waitForURL(roundUrl), page.click('text=Yes, close the round')])
    expect(await textOf(page, 'main')).toContain('; closed on')
    await page.click('text=See the results of this round')
    expect(page.url()).toContain('/results?round=')
    expect(await axeViolations(page)).toEqual([])
  })

  it('wide tables fit at 1280 and 390 px, and the board report prints on two landscape pages with every column', async () => {
    seedDemo(session.databaseUrl)
    const page = await session.newPage()
    await signInToDemo(page, session.baseUrl)
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 })
      for (const path of ['/results', '/audit', '/strategy']) {
        await page.goto(`${session.baseUrl}${path}`)
        expect([width, path, await overflows(page)]).toEqual([width, path, false])
      }
    }
    await page.goto(`${session.baseUrl}/results`)
    const region = page.getByRole('region', { name: /Domain scores/ })
    expect(await region.getAttribute('tabindex')).toBe('0')
    expect(await region.getAttribute('aria-labelledby')).toBeTruthy()
    expect(await textOf(page, '.app-heat-key')).toContain('80 to 100')
    expect(await axeViolations(page)).toEqual([])
    // A filter changes the results in place, and says so to a screen reader.
    await page.selectOption('#type', 'inpatient')
    await page.locator('#results-status', { hasText: 'Results updated' }).waitFor()
    expect(await textOf(page, '#results-status')).toMatch(
      /^Results updated: \d+ teams? \(inpatient\)/,
    )
    await page.goto(`${session.baseUrl}/audit`)
    expect(await textOf(page, 'main')).not.toMatch(/\{"|&quot;/)
    expect(await axeViolations(page)).toEqual([])
    // A run chart's reference lines differ by pattern, not by colour alone.
    await page.goto(`${session.baseUrl}/strategy`)
    await page.locator('main table a[href^="/strategy/workstreams/"]').first().click()
    await page.waitForFunction(() => document.querySelector('canvas[data-drawn]') !== null)
    const patterns = await page.evaluate(() => {
      const canvas = document.querySelector('canvas[data-drawn]') as HTMLCanvasElement
      const chart = (
        window as unknown as {
          Chart: { getChart: (c: HTMLCanvasElement) => { data: { datasets: unknown[] } } }
        }
      ).Chart.getChart(canvas)
      return (chart.data.datasets as { label: string; borderDash: number[]; borderWidth: number }[])
        .filter((set) => set.borderDash.length > 0)
        .map((set) => `${set.borderDash.join(' ')}/${set.borderWidth}`)
    })
    expect(patterns.length).toBeGreaterThanOrEqual(2)
    expect(new Set(patterns).size).toBe(patterns.length)

    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${session.baseUrl}/results`)
    await Promise.all([
      page.waitForURL(/\/results\/report\?round=/),
      page.click('text=/^Board report for/'),
    ])
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    const text = pdf.toString('latin1')
    expect((text.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(2)
    // Landscape A4: 842 points wide, 595 high.
    expect(text).toMatch(/\/MediaBox\s*\[0 0 841\.\d+ 59[45]\.\d+\]/)
    // As printed (281 mm across at 96 px an inch), no table is wider than the page.
    await page.emulateMedia({ media: 'print' })
    await page.setViewportSize({ width: 1062, height: 733 })
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('.app-report table')].flatMap((table) => {
        const headers = [...table.querySelectorAll('thead th')]
        const right = Math.max(...headers.map((th) => th.getBoundingClientRect().right))
        return right > window.innerWidth || table.scrollWidth > table.clientWidth + 1
          ? [table.querySelector('caption')?.textContent ?? '']
          : []
      }),
    )
    expect(clipped).toEqual([])
    const headers = await page.locator('.app-report__heat thead th').allTextContents()
    expect(headers).toHaveLength(12)
  })
})
