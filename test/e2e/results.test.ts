import type { Page } from 'playwright-core'
import { beforeEach, expect, it } from 'vitest'
import {
  axeViolations,
  axeViolationsWithScriptsOff,
  describeInBrowser,
  textOf,
} from './support/browser'
import { seedDemo, signInToDemo } from './support/demo'
import { useBrowserAndServer } from './support/lifecycle'

describeInBrowser('results in Chromium', () => {
  const session = useBrowserAndServer()
  let page: Page

  beforeEach(async () => {
    seedDemo(session.databaseUrl)
    page = await session.newPage()
    await signInToDemo(page, session.baseUrl)
  })

  it('paints the charts with their data tables, filters through htmx, and every results page passes axe', async () => {
    await page.goto(`${session.baseUrl}/results`)
    await page.waitForFunction(() => {
      const canvas = document.querySelector('canvas[data-chart]') as HTMLCanvasElement | null
      if (!canvas?.dataset.drawn) return false
      const pixels =
        canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? []
      return Array.prototype.some.call(pixels, (v: number, i: number) => i % 4 === 3 && v > 0)
    })
    // One point a round, at its own date: every closed round of the demo trust.
    const rounds = await page.locator('#round option').count()
    expect(await page.locator('figure.app-chart table tbody tr').count()).toBeGreaterThanOrEqual(
      rounds,
    )
    expect(await axeViolations(page)).toEqual([])
    await page.selectOption('#line', { label: 'Inpatient' })
    await page.waitForURL(/line=/)
    expect(await page.locator('#results table').last().locator('tbody tr').count()).toBe(4)
    expect(await axeViolations(page)).toEqual([])
    const team = page.locator('#results a[href^="/results/teams/"]').first()
    await Promise.all([page.waitForURL(/\/results\/teams\//), team.click()])
    await page.waitForFunction(() =>
      Boolean(
        (document.querySelector('canvas[data-chart]') as HTMLCanvasElement | null)?.dataset.drawn,
      ),
    )
    expect(await textOf(page, 'main')).toContain('Action plan after')
    expect(await axeViolations(page)).toEqual([])
    await page.goto(`${session.baseUrl}/results/compare`)
    const options = await page
      .locator('#from option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean))
    const teamRounds = await page
      .locator('#from option')
      .evaluateAll((os) =>
        os
          .filter((o) => o.textContent?.startsWith('Team survey'))
          .map((o) => (o as HTMLOptionElement).value),
      )
    expect(options.length).toBeGreaterThan(2)
    await page.selectOption('#from', teamRounds[0] ?? '')
    await page.selectOption('#to', teamRounds.at(-1) ?? '')
    await Promise.all([
      page.waitForURL(/from=/),
      page.click('form[action="/results/compare"] button'),
    ])
    expect(await textOf(page, 'main')).toMatch(
      /Teams’ totals: \d+ improved, \d+ no reliable change, \d+ fell/,
    )
    expect(await axeViolations(page)).toEqual([])
  })

  it('explains every rule in words, and shows the results pages without JavaScript', async () => {
    await page.goto(`${session.baseUrl}/results`)
    await Promise.all([
      page.waitForURL(/\/results\/rules/),
      page.click('text=How these figures are worked out'),
    ])
    const rules = await textOf(page, 'main')
    expect(rules).toContain('at least 5 people are behind that figure itself')
    expect(rules).toContain('Welch’s t')
    expect(rules).toContain('exact sign test')
    expect(await axeViolations(page)).toEqual([])
    const cookies = await page.context().cookies()
    const plain = await session.newPage({ javaScriptEnabled: false })
    await plain.context().addCookies(cookies)
    for (const [path, part] of [
      ['/results', 'main table'],
      ['/results/rules', 'main ul'],
      ['/results/compare', 'main form select#from'],
    ] as const) {
      await plain.goto(`${session.baseUrl}${path}`)
      expect(await plain.locator(part).count(), path).toBeGreaterThan(0)
    }
    await plain.goto(`${session.baseUrl}/results`)
    await Promise.all([
      plain.waitForURL(/\/results\/teams\//),
      plain.locator('#results a[href^="/results/teams/"]').first().click(),
    ])
    expect(await textOf(plain, 'main')).toContain('Domain scores by round')
    expect(await axeViolationsWithScriptsOff(session.browser, plain)).toEqual([])
  })

  it('prints the board report to an A4 PDF', async () => {
    await page.goto(`${session.baseUrl}/results`)
    await Promise.all([page.waitForURL(/\/results\/report/), page.click('text=Board report for')])
    expect(await textOf(page, 'h1')).toMatch(/^Recovery culture: Team survey/)
    expect(await axeViolations(page)).toEqual([])
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.length).toBeGreaterThan(10_000)
  })
})
