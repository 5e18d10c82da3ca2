import { sql } from 'drizzle-orm'
import { Hono } from 'hono'
import type { AppEnv } from '../env'

export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  c.header('Cache-Control', 'no-store')
  try {
    await c.var.db.run(sql`select 1`)
    return c.json({ status: 'ok' })
  } catch {
    return c.json({ status: 'unavailable', reason: 'database unreachable' }, 503)
  }
})
