declare module 'cloudflare:test' {
  import type { D1Database } from '@cloudflare/workers-types'

  export const env: {
    DB: D1Database
    ASSETS: { fetch(request: Request): Promise<Response> }
    TEST_MIGRATIONS: { name: string; queries: string[] }[]
  }
  export function applyD1Migrations(
    db: D1Database,
    migrations: { name: string; queries: string[] }[],
    migrationsTableName?: string,
  ): Promise<void>
}
