import type { Child } from 'hono/jsx'
import type { AssetPaths } from '../src/env'
import { assetPath } from '../src/lib/assets'

export const serviceName = 'Recovery culture self-assessment'

type LayoutProps = {
  title: string
  currentPath?: string
  /** The signed-in person's name; without it the header has no menu and no sign-out. */
  signedInAs?: string | undefined
  /** Whether the admin pages are listed in the menu. */
  administers?: boolean
  /** Whether the organisation's networks are listed in the menu (its admins, executives, strategy lead). */
  seesNetworks?: boolean
  /** How long a session lasts without activity, for the warning shown two minutes before. */
  sessionIdleMs?: number | undefined
  /** Whether the page draws a chart: only then does it load the charting library. */
  charts?: boolean
  /** Where the static files are published. */
  assets: AssetPaths
  children: Child
}

const navigation = [
  { href: '/', text: 'Home' },
  { href: '/rounds', text: 'Rounds' },
  { href: '/results', text: 'Results' },
  { href: '/strategy', text: 'Strategy' },
  { href: '/networks', text: 'Networks', networksOnly: true },
  { href: '/teams', text: 'Teams' },
  { href: '/instruments', text: 'Instruments' },
  { href: '/people', text: 'People', adminOnly: true },
  { href: '/audit', text: 'Audit log', adminOnly: true },
  { href: '/settings', text: 'Settings', adminOnly: true },
]

const isCurrent = (href: string, path: string) =>
  href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`)

export function Layout({
  title,
  currentPath = '',
  signedInAs,
  administers = false,
  seesNetworks = false,
  sessionIdleMs,
  charts = false,
  assets,
  children,
}: LayoutProps) {
  const asset = (name: string) => assetPath(assets, name)
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#005eb8" />
        <meta name="htmx-config" content='{"includeIndicatorCSS": false}' />
        <title>{`${title} – ${serviceName}`}</title>
        <link rel="icon" href={asset('favicon.ico')} sizes="48x48" />
        <link rel="stylesheet" href={asset('nhsuk-frontend.css')} />
        <link rel="stylesheet" href={asset('app.css')} />
        <script src={asset('htmx.js')} defer />
        <script src={asset('app.js')} type="module" />
        {charts && <script src={asset('chart.js')} defer />}
        {charts && <script src={asset('charts.js')} defer />}
      </head>
      <body>
        <script src={asset('frontend-supported.js')} />
        <a class="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <header class="nhsuk-header" data-module="nhsuk-header">
          <div class="nhsuk-header__container nhsuk-width-container">
            <div class="nhsuk-header__service">
              <a class="nhsuk-header__service-name" href="/">
                {serviceName}
              </a>
            </div>
            {signedInAs && (
              <nav class="nhsuk-header__account" aria-label="Account">
                <ul class="nhsuk-header__account-list">
                  <li class="nhsuk-header__account-item">{signedInAs}</li>
                  <li class="nhsuk-header__account-item">
                    <form
                      class="nhsuk-header__account-form"
                      action="/sign-out"
                      method="post"
                      novalidate
                    >
                      <button class="nhsuk-header__account-button" type="submit">
                        Sign out
                      </button>
                    </form>
                  </li>
                </ul>
              </nav>
            )}
          </div>
          {signedInAs && (
            <nav class="nhsuk-header__navigation" aria-label="Menu">
              <div class="nhsuk-header__navigation-container nhsuk-width-container">
                <ul class="nhsuk-header__navigation-list">
                  {navigation
                    .filter((item) => administers || !item.adminOnly)
                    .filter((item) => seesNetworks || !item.networksOnly)
                    .map(({ href, text }) => {
                      const current = isCurrent(href, currentPath)
                      return (
                        <li
                          class={
                            current
                              ? 'nhsuk-header__navigation-item nhsuk-header__navigation-item--current'
                              : 'nhsuk-header__navigation-item'
                          }
                        >
                          <a
                            class="nhsuk-header__navigation-link"
                            href={href}
                            aria-current={
                              current ? (currentPath === href ? 'page' : 'true') : undefined
                            }
                          >
                            {current ? (
                              <strong class="nhsuk-header__navigation-item-current-fallback">
                                {text}
                              </strong>
                            ) : (
                              text
                            )}
                          </a>
                        </li>
                      )
                    })}
                  <li class="nhsuk-header__menu" hidden>
                    <button
                      class="nhsuk-header__menu-toggle nhsuk-header__navigation-link"
                      id="toggle-menu"
                      aria-expanded="false"
                      type="button"
                    >
                      <span class="nhsuk-u-visually-hidden">Browse </span>More
                    </button>
                  </li>
                </ul>
              </div>
            </nav>
          )}
        </header>
        <div class="nhsuk-width-container">
          <main class="nhsuk-main-wrapper" id="maincontent">
            {signedInAs && sessionIdleMs && <SessionWarning idleMs={sessionIdleMs} />}
            {children}
          </main>
        </div>
        <footer class="nhsuk-footer">
          <div class="nhsuk-width-container">
            <div class="nhsuk-footer__meta">
              <p class="nhsuk-body-s">{serviceName}</p>
            </div>
          </div>
        </footer>
      </body>
    </html>
  )
}

/** Shown by /js/app.js two minutes before an idle session ends; one click keeps it going. */
function SessionWarning({ idleMs }: { idleMs: number }) {
  return (
    <div
      class="nhsuk-notification-banner"
      id="session-warning"
      data-idle-ms={String(idleMs)}
      hidden
    >
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title" id="session-warning-title">
          Important
        </h2>
      </div>
      <div class="nhsuk-notification-banner__content" role="alert">
        <p class="nhsuk-notification-banner__heading">
          You will be signed out in 2 minutes because nothing has happened for a while.
        </p>
        <form method="post" action="/session/extend" hx-post="/session/extend" hx-swap="none">
          <button
            class="nhsuk-button nhsuk-u-margin-bottom-0"
            data-module="nhsuk-button"
            type="submit"
            id="stay-signed-in"
          >
            Stay signed in
          </button>
        </form>
      </div>
    </div>
  )
}
