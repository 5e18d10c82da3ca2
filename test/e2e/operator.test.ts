import { expect, it } from 'vitest'
import { axeViolations, describeInBrowser, tabTo, textOf } from './support/browser'
import { runCommand } from './support/commands'
import { useBrowserAndServer } from './support/lifecycle'

const operatorEmail = 'service.desk@hosting.example'

describeInBrowser('the service operator in Chromium', () => {
  const session = useBrowserAndServer({ OPERATOR_EMAIL: operatorEmail })

  /** Runs one of the project's commands against the running server's database; what it printed. */
  const command = (script: string, args: string[] = []) =>
    runCommand(session, { OPERATOR_EMAIL: operatorEmail }, script, args)
  const linkIn = (printed: string) => {
    const link = /https?:\/\/\S+/.exec(printed)?.[0]
    if (!link) throw new Error(`No link in: ${printed}`)
    return link
  }

  for (const width of [1280, 390]) {
    it(`signs in from the command's link and adds and suspends an organisation with the keyboard at ${width} px; every page axe-clean`, async () => {
      const page = await session.newPage({ viewport: { width, height: 900 } })
      await page.goto(linkIn(command('operator-link')))
      expect(await axeViolations(page)).toEqual([])
      await tabTo(page, 'none', 20, 'Sign in')
      await Promise.all([
        page.waitForURL(`${session.baseUrl}/operator`),
        page.keyboard.press('Enter'),
      ])
      expect(await textOf(page, 'h1')).toBe('Organisations on this service')
      expect(await axeViolations(page)).toEqual([])

      await page.goto(`${session.baseUrl}/operator/organisations/new`)
      await page.locator('#organisation-form button').click()
      await page.locator('.nhsuk-error-summary').waitFor()
      expect(await axeViolations(page)).toEqual([])
      await tabTo(page, 'name')
      await page.keyboard.type('Northmoor NHS Trust')
      await page.keyboard.press('Tab')
      await page.keyboard.type('Asha Patel')
      await page.keyboard.press('Tab')
      await page.keyboard.type('asha.patel@northmoor.example')
      await page.keyboard.press('Enter')
      await page.locator('#admin-link').waitFor()
      expect(await axeViolations(page)).toEqual([])
      const adminLink = await textOf(page, '#admin-link')

      await page.goto(`${session.baseUrl}/operator`)
      await page.getByRole('button', { name: 'Suspend Northmoor NHS Trust' }).click()
      await page.getByText(/Suspended on/).waitFor()
      expect(await axeViolations(page)).toEqual([])

      // The admin's link works once the organisation is restored.
      await page.getByRole('button', { name: 'Restore Northmoor NHS Trust' }).click()
      await page.getByText('Active').waitFor()
      const admin = await session.newPage({ viewport: { width, height: 900 } })
      await admin.goto(adminLink)
      await admin.fill('#password', 'a long enough password')
      await admin.fill('#confirm', 'a long enough password')
      await Promise.all([admin.waitForURL(`${session.baseUrl}/`), admin.keyboard.press('Enter')])
      expect(await admin.content()).toContain('Northmoor NHS Trust')
    })
  }

  it('adds an organisation from the command line, whose admin then signs in', async () => {
    const printed = command('org-create', [
      '--name',
      'Eastfield Trust',
      '--admin-name',
      'Ben Cole',
      '--admin-email',
      'ben.cole@eastfield.example',
    ])
    expect(printed).toContain('Eastfield Trust has been added')
    const page = await session.newPage()
    await page.goto(linkIn(printed))
    await page.fill('#password', 'a long enough password')
    await page.fill('#confirm', 'a long enough password')
    await Promise.all([page.waitForURL(`${session.baseUrl}/`), page.keyboard.press('Enter')])
    expect(await page.content()).toContain('Eastfield Trust')
    // The same email again is refused, naming the option.
    expect(() =>
      command('org-create', [
        '--name',
        'X',
        '--admin-name',
        'Y',
        '--admin-email',
        'ben.cole@eastfield.example',
      ]),
    ).toThrow(/--admin-email: someone on this service already signs in/)
  })
})
