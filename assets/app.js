import {
  Button,
  CharacterCount,
  createAll,
  ErrorSummary,
  Header,
  Radios,
  SkipLink,
} from 'nhsuk-frontend'

// The NHS.UK components the pages use (only these are bundled), in the page and again in whatever
// htmx swaps in (initialised ones are skipped).
const components = [Button, CharacterCount, ErrorSummary, Header, Radios, SkipLink]
const initAll = () => {
  for (const component of components) createAll(component)
}
initAll()
document.addEventListener('htmx:after:settle', () => {
  initAll()
  // Results changed in place by a filter are announced, as a new page would be.
  const results = document.getElementById('results')
  const status = document.getElementById('results-status')
  if (results?.dataset.summary && status) status.textContent = results.dataset.summary
})

// Two minutes before an idle session ends, say so and offer to keep it going; any request to the
// server (a page, an htmx request, the button) starts the count again.
const warning = document.getElementById('session-warning')
if (warning) {
  const idleMs = Number(warning.dataset.idleMs)
  const warnBeforeMs = 2 * 60_000
  let timers = []
  const start = () => {
    for (const timer of timers) clearTimeout(timer)
    warning.hidden = true
    timers = [
      setTimeout(
        () => {
          warning.hidden = false
          warning.querySelector('button')?.focus()
        },
        Math.max(0, idleMs - warnBeforeMs),
      ),
      setTimeout(() => {
        window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`)
      }, idleMs),
    ]
  }
  document.addEventListener('htmx:after:request', start)
  start()
}
