import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { AssetPaths } from './env'

/**
 * The published static files as the Node server serves them: the brotli or gzip copy beside each
 * file when the browser takes it, and the manifest of their paths.
 */
export function publishedFiles(root = './public') {
  const manifest = join(root, 'assets', 'manifest.json')
  let paths: AssetPaths
  try {
    paths = JSON.parse(readFileSync(manifest, 'utf8')) as AssetPaths
  } catch {
    throw new Error(`${manifest} is missing: run npm run assets (npm start and npm test do)`)
  }
  return { serveAssets: serveStatic({ root, precompressed: true }), assetPaths: () => paths }
}
