// Copies the browser assets the pages use from node_modules into public/vendor, so that both
// runtimes serve them from our own origin (Workers cannot read node_modules at run time).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const modules = join(root, 'node_modules')
const vendor = join(root, 'public', 'vendor')
const nhsuk = join(modules, 'nhsuk-frontend', 'dist', 'nhsuk')

const copies = [
  ['htmx.org/dist/htmx.min.js', 'htmx/htmx.min.js'],
  ['chart.js/dist/chart.umd.min.js', 'chart.js/chart.umd.min.js'],
  ['nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.js', 'nhsuk-frontend/nhsuk-frontend.min.js'],
  ['nhsuk-frontend/dist/nhsuk/assets', 'nhsuk-frontend/assets'],
]

rmSync(vendor, { recursive: true, force: true })
for (const [from, to] of copies) {
  mkdirSync(dirname(join(vendor, to)), { recursive: true })
  cpSync(join(modules, from), join(vendor, to), { recursive: true })
}

// The stylesheet names its icons at /assets/; they are served under /vendor/nhsuk-frontend/assets/.
// Its web fonts live on another origin, which the Content-Security-Policy refuses: the pages use
// the stylesheet's own fallback (Arial) instead of asking for them.
const css = readFileSync(join(nhsuk, 'nhsuk-frontend.min.css'), 'utf8')
writeFileSync(
  join(vendor, 'nhsuk-frontend', 'nhsuk-frontend.min.css'),
  css
    .replaceAll('url(/assets/', 'url(/vendor/nhsuk-frontend/assets/')
    .replace(/@font-face\{[^}]*url\(https:[^}]*\}/g, ''),
)
