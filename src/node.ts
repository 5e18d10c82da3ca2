import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import { openLibsqlDb } from './db/libsql'
import { publishedFiles } from './node-assets'
import { compressPages } from './node-compress'

const url = process.env.DATABASE_URL ?? 'file:./data/recovery.db'
if (url.startsWith('file:')) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true })
const { db, close } = await openLibsqlDb({ url, authToken: process.env.DATABASE_AUTH_TOKEN })

const minutes = (name: string, fallback: number) => Number(process.env[name] ?? fallback) * 60_000
const app = createApp({
  getDb: () => db,
  ...publishedFiles(),
  serverTiming: process.env.SERVER_TIMING === '1',
  compress: compressPages(),
  publicOrigin: process.env.PUBLIC_ORIGIN,
  ssoAllowLoopback: process.env.SSO_ALLOW_LOOPBACK === '1',
  operatorEmail: process.env.OPERATOR_EMAIL,
  sessionPolicy: {
    idleMs: minutes('SESSION_IDLE_MINUTES', 30),
    absoluteMs: minutes('SESSION_ABSOLUTE_MINUTES', 12 * 60),
  },
})
// What starting left behind (compiled TypeScript, the migration check) is collected now, not in
// the first request: npm start runs Node with --expose-gc.
;(globalThis as { gc?: () => void }).gc?.()
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8787) }, (info) => {
  console.log(`Recovery culture self-assessment: http://localhost:${info.port}`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => close()))
}
