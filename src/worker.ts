import { drizzle } from 'drizzle-orm/d1'
import { createApp } from './app'
import * as schema from './db/schema'
import type { AssetPaths } from './env'
import { assetPrefix } from './lib/assets'

function binding<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`The ${name} binding is missing: see wrangler.toml`)
  return value
}

/** The manifest of published files, read through the assets binding once an isolate. */
let assetPaths: Promise<AssetPaths> | undefined
function readAssetPaths(assets: { fetch(request: Request): Promise<Response> }, url: string) {
  assetPaths ??= assets
    .fetch(new Request(new URL(`${assetPrefix}manifest.json`, url)))
    .then((res) => {
      if (!res.ok) throw new Error('The published files have no manifest: run npm run assets')
      return res.json() as Promise<AssetPaths>
    })
    .catch((error) => {
      assetPaths = undefined
      throw error
    })
  return assetPaths
}

export default createApp({
  getDb: (c) => drizzle(binding(c.env.DB, 'DB'), { schema }),
  assetPaths: (c) => readAssetPaths(binding(c.env.ASSETS, 'ASSETS'), c.req.url),
  serveAssets: async (c) => {
    const asset = await binding(c.env.ASSETS, 'ASSETS').fetch(c.req.raw)
    return new Response(asset.body, asset)
  },
})
