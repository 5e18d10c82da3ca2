import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import {
  axeViolations,
  describeInBrowser,
  fillDate,
  setUpThroughTheForm,
  textOf,
} from './support/browser'
import { useBrowserAndServer } from './support/lifecycle'

/** A canvas the chart script has drawn on: some pixel is no longer transparent. */
const chartPainted = (page: Page) =>
  page.waitForFunction(() => {
    const canvas = document.querySelector('canvas[data-chart]') as HTMLCanvasElement | null
    if (!canvas?.dataset.drawn) return false
    const pixels =
      canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? []
    return Array.prototype.some.call(pixels, (v: number, i: number) => i % 4 === 3 && v > 0)
  })

describeInBrowser('the recovery strategy in Chromium', () => {
  const session = useBrowserAndServer()

  it('a strategy lead makes a workstream and a per-team metric, enters a month, and sees coverage and the run chart; every page axe-clean', async () => {
    const admin = await session.newPage()
    await setUpThroughTheForm(admin, session.baseUrl)
    for (const name of ['Ward 1', 'Ward 2', 'Ward 3']) {
      await admin.goto(`${session.baseUrl}/teams/new`)
      await admin.fill('#name', name)
      await admin.selectOption('#teamType', 'inpatient')
      await Promise.all([
        admin.waitForURL(/\/teams\/[0-9a-f-]{36}$/),
        admin.click('#team-form button'),
      ])
    }
    await admin.goto(`${session.baseUrl}/people/new`)
    await admin.fill('#name', 'Dana Okafor')
    await admin.fill('#email', 'dana.okafor@northmoor.example')
    await admin.selectOption('#role', 'strategy-lead')
    await admin.locator('#add-person button').click()
    await admin.locator('#password-link').waitFor()
    const link = await textOf(admin, '#password-link')

    const lead = await session.newPage()
    await lead.goto(link)
    await lead.fill('#password', 'a long new password')
    await lead.fill('#confirm', 'a long new password')
    await Promise.all([lead.waitForURL(`${session.baseUrl}/`), lead.press('#confirm', 'Enter')])

    await lead.goto(`${session.baseUrl}/strategy`)
    expect(await axeViolations(lead)).toEqual([])
    await lead.click('text=Add a workstream')
    expect(await axeViolations(lead)).toEqual([])
    await lead.locator('#workstream-form button').click()
    await lead.locator('.nhsuk-error-summary').waitFor()
    expect(await axeViolations(lead)).toEqual([])
    await lead.fill('#name', 'Peer support')
    await lead.fill('#purpose', 'Peer support workers in every clinical team.')
    await lead.fill('#lead', 'Dana Okafor')
    await lead.check('input[name="domains"][value="D08"]')
    await Promise.all([
      lead.waitForURL(/\/strategy\/workstreams\/[0-9a-f-]{36}$/),
      lead.click('#workstream-form button'),
    ])
    expect(await textOf(lead, 'h1')).toBe('Peer support')
    expect(await axeViolations(lead)).toEqual([])

    const workstreamUrl = lead.url()
    await lead.click('text=Add an objective')
    await lead.fill('#title', 'Recruit ten peer support workers')
    await lead.fill('#owner', 'Dana Okafor')
    await fillDate(lead, 'dueOn', '2027-01-31')
    await Promise.all([lead.waitForLoadState(), lead.click('#objective-form button')])
    await lead.click('text=Recruit ten peer support workers')
    await lead.selectOption('#status', 'on-track')
    await lead.fill('#note', 'Four posts advertised')
    await lead.click('#progress-form button')
    // The same page comes back with the note in its table of progress.
    await lead.locator('td', { hasText: 'Four posts advertised' }).waitFor()
    expect(await textOf(lead, 'main')).toContain('Status: On track')
    expect(await axeViolations(lead)).toEqual([])
    await lead.goto(workstreamUrl)
    await lead.click('text=Add a metric')
    expect(await axeViolations(lead)).toEqual([])
    await lead.fill('#name', 'Peer support workers')
    await lead.fill('#unit', 'peer support workers')
    await lead.selectOption('#direction', 'higher')
    await lead.selectOption('#scope', 'team')
    await lead.selectOption('#cadence', 'monthly')
    await lead.selectOption('#comparator', '>=')
    await lead.fill('#targetValue', '2')
    await lead.fill('#coverageTarget', '100')
    await fillDate(lead, 'dueOn', '2027-03-31')
    await lead.selectOption('#estimateInput', 'peer-support-workers')
    await Promise.all([
      lead.waitForURL(/\/strategy\/metrics\/[\w-]+$/),
      lead.click('#metric-form button'),
    ])
    expect(await axeViolations(lead)).toEqual([])

    // A month's values, typed into the table with the keyboard: Tab from value to note to value.
    await lead.fill('#period', '2026-10')
    await lead.focus('input[name^="value-"]')
    for (const value of ['2', '3', '1']) {
      await lead.keyboard.type(value)
      await lead.keyboard.press('Tab')
      await lead.keyboard.press('Tab')
    }
    await Promise.all([lead.waitForURL(/period=2026-10/), lead.click('#values-form button')])
    expect(await textOf(lead, '#coverage')).toContain(
      'Teams with at least 2 peer support workers: 2 of 3 (67%) in Oct 2026; target 100% by 31 March 2027.',
    )
    await chartPainted(lead)
    expect(await lead.locator('figure.app-chart table tbody tr').count()).toBe(1)
    expect(await axeViolations(lead)).toEqual([])

    await lead.goto(`${session.baseUrl}/strategy`)
    expect(await textOf(lead, 'main')).toContain('Peer support workers is 67% of teams')
    expect(await axeViolations(lead)).toEqual([])
    await Promise.all([
      lead.waitForURL(/\/strategy\/workstreams\//),
      lead.click('table a[href^="/strategy/workstreams/"]'),
    ])
    await chartPainted(lead)
    expect(await axeViolations(lead)).toEqual([])
    await lead.goto(`${session.baseUrl}/strategy/values/upload`)
    expect(await axeViolations(lead)).toEqual([])
    await lead.goto(`${session.baseUrl}/strategy/peer-support`)
    expect(await axeViolations(lead)).toEqual([])
    await lead.fill('#costPerFte', '35000')
    await lead.fill('#clientsSupported', '120')
    await lead.fill('#contacts', '900')
    await lead.fill('#bedDaysAvoided', '400')
    await lead.fill('#costPerBedDay', '450')
    await Promise.all([lead.waitForURL(/costPerBedDay=450/), lead.press('#costPerBedDay', 'Enter')])
    expect(await textOf(lead, '#estimate')).toContain('Return for each £1 spent')
    expect(await axeViolations(lead)).toEqual([])
  })
})
