import { beforeEach, expect, it } from 'vitest'
import { teamInstrument } from '../helpers/factories'
import {
  axeViolations,
  axeViolationsWithScriptsOff,
  describeInBrowser,
  setUpThroughTheForm,
  tabTo,
  textOf,
} from './support/browser'
import { useBrowserAndServer } from './support/lifecycle'
import { countResponses, makeLinks, openRoundThroughTheForms } from './support/rounds'

const instrument = teamInstrument()
const domains = instrument.domains.map((domain) =>
  instrument.items.filter((item) => item.domain === domain.key && item.text.staff),
)
/** A different answer for each item, so that a wrong one found again would show. */
const choiceFor = (index: number) => ['1', '2', '3', '4', '5', 'DK', 'NA'][index % 7] ?? '3'
const answerId = (linkId: string, value: string, first: boolean) =>
  first ? `#answer-${linkId}` : `#answer-${linkId}-${value}`

describeInBrowser('responding in Chromium', () => {
  const session = useBrowserAndServer()
  let links: string[] = []

  beforeEach(async () => {
    const admin = await session.newPage()
    await setUpThroughTheForm(admin, session.baseUrl)
    const roundUrl = await openRoundThroughTheForms(admin, session.baseUrl)
    links = await makeLinks(admin, roundUrl, 4)
    expect(await axeViolations(admin)).toEqual([])
  })

  it('completes the team questionnaire with the keyboard alone, every page axe-clean', async () => {
    const page = await session.newPage()
    await page.goto(links[0] ?? '')
    expect(await axeViolations(page)).toEqual([])
    await tabTo(page, '', 20, 'Start now')
    await Promise.all([page.waitForURL(/\/domains\/1$/), page.keyboard.press('Enter')])
    for (const [d, items] of domains.entries()) {
      expect(await textOf(page, 'h1 .nhsuk-caption-m')).toBe(
        `Section ${d + 1} of ${domains.length}`,
      )
      for (const item of items) {
        await tabTo(page, `answer-${item.linkId}`)
        await page.keyboard.press('Space')
        await page.locator(`#saved-${item.linkId}`, { hasText: 'Saved' }).waitFor()
      }
      if (d === 0) expect(await axeViolations(page)).toEqual([])
      await tabTo(page, '', 30, 'Save and continue')
      const next = d + 1 < domains.length ? new RegExp(`/domains/${d + 2}$`) : /\/review$/
      await Promise.all([page.waitForURL(next), page.keyboard.press('Enter')])
    }
    expect(await textOf(page, 'main')).toContain('Every question has an answer')
    expect(await axeViolations(page)).toEqual([])
    await tabTo(page, '', 200, 'Submit your answers')
    await Promise.all([page.waitForURL(/\/thank-you$/), page.keyboard.press('Enter')])
    expect(await textOf(page, 'h1')).toBe('Thank you')
    expect(await axeViolations(page)).toEqual([])
    expect(await countResponses(session.databaseUrl)).toEqual({ completed: 1 })
  })

  it('completes it with JavaScript off, a too-long comment refused beside its field', async () => {
    const page = await session.newPage({ javaScriptEnabled: false })
    await page.goto(`${links[1]}/domains/1`)
    const first = domains[0]?.[0]?.linkId ?? ''
    await page.check(`#answer-${first}`)
    await page.fill(`#comment-${first}`, 'x'.repeat(2001))
    await page.click('button[value=next]')
    expect(await textOf(page, '.nhsuk-error-summary')).toContain(
      'Your comment must be 2,000 characters or fewer',
    )
    expect(await page.isChecked(`#answer-${first}`)).toBe(true)
    expect(await axeViolationsWithScriptsOff(session.browser, page)).toEqual([])
    await page.fill(`#comment-${first}`, 'Staff talk about recovery every day')
    for (const items of domains) {
      for (const [i, item] of items.entries()) {
        const value = choiceFor(i)
        const allowed = (value !== 'NA' || item.allowNA) && (value !== 'DK' || item.allowDK)
        await page.check(
          answerId(item.linkId, allowed ? value : '1', (allowed ? value : '1') === '1'),
        )
      }
      await page.click('button[value=next]')
    }
    expect(page.url()).toMatch(/\/review$/)
    expect(await axeViolationsWithScriptsOff(session.browser, page)).toEqual([])
    await page.click('text=Submit your answers')
    expect(await textOf(page, 'h1')).toBe('Thank you')
    expect(await axeViolationsWithScriptsOff(session.browser, page)).toEqual([])
    await page.goto(links[1] ?? '')
    expect(await textOf(page, 'h1')).toBe('Already submitted')
    expect(await axeViolationsWithScriptsOff(session.browser, page)).toEqual([])
  })

  it('finds every answer again after the page is closed half-way and the link opened again', async () => {
    const page = await session.newPage()
    await page.goto(`${links[2]}/domains/1`)
    const half = domains.slice(0, Math.ceil(domains.length / 2))
    const chosen: [string, string][] = []
    for (const [d, items] of half.entries()) {
      for (const [i, item] of items.entries()) {
        const value = choiceFor(d + i).replace(/NA|DK/, '4')
        await page.check(answerId(item.linkId, value, value === '1'))
        await page.locator(`#saved-${item.linkId}`, { hasText: 'Saved' }).waitFor()
        chosen.push([item.linkId, value])
      }
      if (d + 1 < half.length)
        await Promise.all([page.waitForURL(/\/domains\/\d+$/), page.click('button[value=next]')])
    }
    await page.context().close()

    const again = await session.newPage()
    await again.goto(links[2] ?? '')
    expect(await textOf(again, 'main .nhsuk-button')).toBe('Continue')
    for (const [d] of half.entries()) {
      await again.goto(`${links[2]}/domains/${d + 1}`)
      for (const [linkId, value] of chosen.filter(([id]) =>
        half[d]?.some((item) => item.linkId === id),
      )) {
        expect([linkId, await again.isChecked(answerId(linkId, value, value === '1'))]).toEqual([
          linkId,
          true,
        ])
      }
    }
    await again.goto(`${links[2]}/review`)
    expect(await textOf(again, 'main')).toContain(
      `${instrument.items.length - chosen.length} questions have no answer`,
    )
    expect(await axeViolations(again)).toEqual([])
  })

  it('stores one response from a double click and from two tabs submitting the same link', async () => {
    const page = await session.newPage()
    await page.goto(`${links[3]}/domains/1`)
    const first = domains[0]?.[0]?.linkId ?? ''
    await page.check(`#answer-${first}`)
    await page.locator(`#saved-${first}`, { hasText: 'Saved' }).waitFor()
    const other = await page.context().newPage()
    await page.goto(`${links[3]}/review`)
    await other.goto(`${links[3]}/review`)
    await Promise.all([page.waitForURL(/\/thank-you$/), page.dblclick('text=Submit your answers')])
    await other.click('text=Submit your answers')
    expect(await textOf(other, 'h1')).toBe('Already submitted')
    expect(await countResponses(session.databaseUrl)).toEqual({ completed: 1 })
  })
})
