import { fileURLToPath } from 'node:url'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url))

/**
 * Test bodies under these folders run twice: on Node with libSQL, and in workerd with D1 (the
 * engine's properties among them, so the scoring rules are checked in both runtimes).
 */
const sharedTests = [
  'test/routes/**/*.test.{ts,tsx}',
  'test/db/**/*.test.{ts,tsx}',
  'test/instruments/**/*.test.{ts,tsx}',
  'test/lib/**/*.test.{ts,tsx}',
]

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path('./src/db/migrations'))
  return {
    test: {
      projects: [
        {
          resolve: { alias: { '#harness': path('./test/harness/node.ts') } },
          test: {
            name: 'node',
            environment: 'node',
            include: [...sharedTests, 'test/node/**/*.test.{ts,tsx}'],
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: path('./wrangler.toml') },
              miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
            }),
          ],
          resolve: { alias: { '#harness': path('./test/harness/workers.ts') } },
          test: {
            name: 'workers',
            include: [...sharedTests, 'test/workers/**/*.test.{ts,tsx}'],
            setupFiles: ['test/workers/apply-migrations.ts'],
          },
        },
        {
          test: {
            name: 'browser',
            environment: 'node',
            include: ['test/e2e/**/*.test.ts'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
            fileParallelism: false,
          },
        },
      ],
    },
  }
})
