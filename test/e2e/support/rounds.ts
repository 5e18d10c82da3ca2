import { createClient } from '@libsql/client'
import type { Page } from 'playwright-core'
import { fillDate } from './browser'

/** A team, and an open individual round for it, made through the forms as the signed-in admin. */
export async function openRoundThroughTheForms(
  page: Page,
  baseUrl: string,
  { mode = 'individual' }: { mode?: 'individual' | 'consensus' } = {},
) {
  await page.goto(`${baseUrl}/teams/new`)
  await page.fill('#name', 'Willow Ward')
  await page.selectOption('#teamType', 'inpatient')
  await Promise.all([page.waitForURL(/\/teams\/[0-9a-f-]{36}$/), page.click('#team-form button')])
  await page.goto(`${baseUrl}/rounds/new`)
  await page.fill('#name', 'Winter 2026')
  await page.selectOption('#instrument', 'team-recovery-focus@1')
  await page.check(mode === 'individual' ? '#mode' : '#mode-2')
  await page.check('#perspectives-2')
  await page.check('#perspectives-3')
  await page.locator('label', { hasText: 'Willow Ward' }).click()
  await fillDate(page, 'opensOn', '2026-01-01')
  await fillDate(page, 'closesOn', '2036-12-31')
  await Promise.all([
    page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/),
    page.click('#round-form button[type=submit]'),
  ])
  const roundUrl = page.url()
  await Promise.all([page.waitForURL(roundUrl), page.click('text=Open the round')])
  return roundUrl
}

/** Makes links for the round's team through the form; the tokens as the printable page shows them. */
export async function makeLinks(
  page: Page,
  roundUrl: string,
  count: number,
  perspective = 'staff',
) {
  await page.goto(roundUrl)
  await page.selectOption('#groupId', { label: 'Willow Ward' })
  await page.selectOption('#perspective', perspective)
  await page.fill('#count', String(count))
  await Promise.all([
    page.waitForURL(/\/invitations\/[0-9a-f-]{36}$/),
    page.click('text=Make the links'),
  ])
  const links = await page.locator('.app-link-card__url').allTextContents()
  return links.map((link) => link.trim())
}

/** How many responses the server holds, by status, read from its own database file. */
export async function countResponses(databaseUrl: string) {
  const client = createClient({ url: databaseUrl })
  try {
    const result = await client.execute(
      'select status, count(*) as n from responses group by status',
    )
    return Object.fromEntries(result.rows.map((row) => [String(row.status), Number(row.n)]))
  } finally {
    client.close()
  }
}
