import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { axeViolations, describeInBrowser, textOf } from './support/browser'
import { runCommand } from './support/commands'
import { useBrowserAndServer } from './support/lifecycle'

const operatorEmail = 'service.desk@hosting.example'
const password = 'demo password 2026'

describeInBrowser('networks in Chromium', () => {
  const session = useBrowserAndServer({ OPERATOR_EMAIL: operatorEmail })

  const command = (script: string) => runCommand(session, { OPERATOR_EMAIL: operatorEmail }, script)

  async function signIn(page: Page, email: string) {
    await page.goto(`${session.baseUrl}/sign-in`)
    await page.fill('#email', email)
    await page.fill('#password', password)
    await Promise.all([page.waitForURL(`${session.baseUrl}/`), page.keyboard.press('Enter')])
  }

  for (const width of [1280, 390]) {
    it(`shows a member, the coordinator and the operator their network pages at ${width} px, each axe-clean`, async () => {
      const printed = command('seed-network')
      expect(printed).toContain('A demo network of 9 trusts')

      const member = await session.newPage({ viewport: { width, height: 900 } })
      await signIn(member, 'admin1@trust1.example')
      // The menu lists Networks for a member's admin (under "More" on a narrow screen).
      if (width === 1280) await member.getByRole('link', { name: 'Networks' }).first().click()
      else await member.goto(`${session.baseUrl}/networks`)
      await member.waitForURL(`${session.baseUrl}/networks`)
      expect(await textOf(member, 'h1')).toBe('Networks')
      expect(await member.content()).toMatch(/of 9 organisations/)
      expect(await axeViolations(member)).toEqual([])

      const coordinator = await session.newPage({ viewport: { width, height: 900 } })
      await signIn(coordinator, 'admin0@trust0.example')
      await coordinator.goto(`${session.baseUrl}/networks`)
      await coordinator.getByRole('link', { name: 'North recovery collaborative' }).click()
      expect(await textOf(coordinator, 'h1')).toBe('North recovery collaborative')
      expect(await coordinator.content()).not.toContain('Trust 1<')
      expect(await axeViolations(coordinator)).toEqual([])

      const operator = await session.newPage({ viewport: { width, height: 900 } })
      const link = /https?:\/\/\S+/.exec(command('operator-link'))?.[0] ?? ''
      await operator.goto(link)
      await Promise.all([
        operator.waitForURL(`${session.baseUrl}/operator`),
        operator.getByRole('button', { name: 'Sign in' }).click(),
      ])
      expect(await operator.content()).toContain('North recovery collaborative')
      await operator.goto(`${session.baseUrl}/operator/networks/new`)
      await operator.locator('#network-form button').click()
      await operator.locator('.nhsuk-error-summary').waitFor()
      expect(await axeViolations(operator)).toEqual([])
    })
  }
})
