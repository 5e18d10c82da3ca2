import { drizzle } from 'drizzle-orm/d1'
import { createApp } from './app'
import * as schema from './db/schema'

function binding<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`The ${name} binding is missing: see wrangler.toml`)
  return value
}

export default createApp({
  getDb: (c) => drizzle(binding(c.env.DB, 'DB'), { schema }),
  serveAssets: async (c) => {
    const asset = await binding(c.env.ASSETS, 'ASSETS').fetch(c.req.raw)
    return new Response(asset.body, asset)
  },
})
