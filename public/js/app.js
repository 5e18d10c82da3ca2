import { initAll } from '/vendor/nhsuk-frontend/nhsuk-frontend.min.js'

// NHS.UK components in the page, and again in whatever htmx swaps in (initialised ones are skipped).
initAll()
document.addEventListener('htmx:after:settle', () => initAll())
