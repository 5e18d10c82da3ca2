import { execFileSync } from 'node:child_process'
import type { Page } from 'playwright-core'

/** The demo trust, seeded into the test server's own database through the seed script. */
export function seedDemo(databaseUrl: string) {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  })
}

/** Signs in as the demo's admin, leaving the page at home. */
export async function signInToDemo(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/sign-in`)
  await page.fill('#email', 'demo.admin@northmoor.example')
  await page.fill('#password', 'demo password 2026')
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.press('#password', 'Enter')])
}
