import { expect, it } from 'vitest'
import {
  axeViolations,
  describeInBrowser,
  setUpThroughTheForm,
  tabTo,
  textOf,
} from './support/browser'
import { useBrowserAndServer } from './support/lifecycle'

describeInBrowser('people in Chromium', () => {
  const session = useBrowserAndServer()

  it('adds a person, who sets a password from the link with the keyboard alone; every page axe-clean', async () => {
    const admin = await session.newPage()
    await setUpThroughTheForm(admin, session.baseUrl)

    await admin.goto(`${session.baseUrl}/people/new`)
    expect(await axeViolations(admin)).toEqual([])
    await admin.fill('#name', 'Sam Jones')
    await admin.fill('#email', 'sam.jones@northmoor.example')
    await admin.selectOption('#role', 'viewer')
    await admin.locator('#add-person button').click()
    await admin.locator('#password-link').waitFor()
    expect(await axeViolations(admin)).toEqual([])
    const link = await textOf(admin, '#password-link')
    await admin.reload()
    expect(await textOf(admin, '#password-link')).toBe(link)

    await admin.goto(`${session.baseUrl}/people`)
    expect(await axeViolations(admin)).toEqual([])
    await admin.click('text=Sam Jones')
    expect(await textOf(admin, 'h1')).toBe('Sam Jones')
    expect(await axeViolations(admin)).toEqual([])

    await admin.goto(`${session.baseUrl}/audit`)
    expect(await textOf(admin, 'caption')).toMatch(/entries, page 1 of 1/)
    expect(await axeViolations(admin)).toEqual([])

    await admin.goto(`${session.baseUrl}/settings`)
    expect(await axeViolations(admin)).toEqual([])

    const sam = await session.newPage()
    await sam.goto(link)
    expect(await axeViolations(sam)).toEqual([])
    await tabTo(sam, 'password')
    await sam.keyboard.type('a long new password')
    await sam.keyboard.press('Tab')
    await sam.keyboard.type('a long new password')
    await Promise.all([sam.waitForURL(`${session.baseUrl}/`), sam.keyboard.press('Enter')])
    expect(await sam.content()).toContain('Sam Jones')
  })
})
