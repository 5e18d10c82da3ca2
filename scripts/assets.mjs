// Builds public/, what both runtimes serve as static files: the browser code and styles in assets/
// with the parts of htmx, Chart.js and the NHS.UK frontend the pages use, each named by a digest
// of its content (so a browser may keep it for a year), brotli and gzip copies beside each for the
// Node server, and a manifest from each file's plain name to its published path.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const sources = join(root, 'assets')
const modules = join(root, 'node_modules')
const published = join(root, 'public')
const folder = 'assets'
const compressible = new Set(['.js', '.css', '.svg', '.ico'])

rmSync(published, { recursive: true, force: true })
mkdirSync(join(published, folder), { recursive: true })
const manifest = {}

/** Writes a file under its digest, with compressed copies, and notes it in the manifest. */
function publish(name, content) {
  const digest = createHash('sha256').update(content).digest('hex').slice(0, 12)
  const extension = extname(name)
  const path = `/${folder}/${basename(name, extension)}.${digest}${extension}`
  writeFileSync(join(published, path), content)
  if (compressible.has(extension)) {
    const brotli = { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY }
    writeFileSync(join(published, `${path}.br`), brotliCompressSync(content, { params: brotli }))
    writeFileSync(join(published, `${path}.gz`), gzipSync(content, { level: 9 }))
  }
  manifest[name] = path
  return path
}

const read = (...parts) => readFileSync(join(...parts))
const nhsuk = join(modules, 'nhsuk-frontend', 'dist', 'nhsuk')

// The icons the NHS.UK stylesheet names, then the stylesheet naming them by their published
// paths. Its web fonts live on another origin, which the Content-Security-Policy refuses: the
// pages use the stylesheet's own fallback (Arial) instead of asking for them.
const css = read(nhsuk, 'nhsuk-frontend.min.css')
  .toString()
  .replace(/@font-face\{[^}]*url\(https:[^}]*\}/g, '')
  .replace(/url\(\/assets\/images\/([^)]+)\)/g, (_, icon) => {
    const path = publish(icon, read(nhsuk, 'assets', 'images', icon))
    return `url(${path})`
  })
publish('nhsuk-frontend.css', Buffer.from(css))
publish('favicon.ico', read(nhsuk, 'assets', 'images', 'favicon.ico'))
publish('htmx.js', read(modules, 'htmx.org', 'dist', 'htmx.min.js'))
publish('chart.js', read(modules, 'chart.js', 'dist', 'chart.umd.min.js'))
publish('app.css', read(sources, 'app.css'))
publish('frontend-supported.js', read(sources, 'frontend-supported.js'))
publish('charts.js', read(sources, 'charts.js'))

// Our script with only the NHS.UK components the pages use, in one small module.
const bundled = await build({
  entryPoints: [join(sources, 'app.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  write: false,
  logLevel: 'warning',
})
publish('app.js', bundled.outputFiles[0].contents)

writeFileSync(join(published, folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
