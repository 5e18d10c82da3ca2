import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'
import { timing } from 'hono/timing'
import { ErrorPage } from '../views/pages/errors/error'
import type { Db } from './db/client'
import { normaliseEmail } from './db/queries/people'
import type { AppEnv, AssetPaths, PasswordCost, SessionPolicy } from './env'
import { assetPrefix, isDigestNamed, publishedCacheControl } from './lib/assets'
import { passwordCost as fullPasswordCost } from './lib/passwords'
import { bodyLimits, securityHeaders } from './lib/security'
import { defaultSessionPolicy } from './lib/session-policy'
import { loadSession, requireSignIn } from './lib/sessions'
import { auditRoutes } from './routes/audit'
import { exportsRoutes } from './routes/exports'
import { groupingRoutes } from './routes/groupings'
import { healthRoutes } from './routes/health'
import { homeRoutes } from './routes/home'
import { instrumentDraftsRoutes } from './routes/instrument-drafts'
import { instrumentImportRoutes } from './routes/instrument-import'
import { instrumentsRoutes } from './routes/instruments'
import { networkRoutes } from './routes/networks'
import { operatorRoutes } from './routes/operator'
import { passwordLinkRoutes } from './routes/people/password-links'
import { peopleRoutes } from './routes/people/people'
import { render } from './routes/render'
import { codeRoutes } from './routes/respond/code'
import { consensusRoutes } from './routes/respond/consensus'
import { respondRoutes } from './routes/respond/respond'
import { resultsRoutes } from './routes/results'
import { invitationsRoutes } from './routes/rounds/invitations'
import { roundImportRoutes } from './routes/rounds/round-import'
import { roundLifecycleRoutes } from './routes/rounds/round-lifecycle'
import { roundsRoutes } from './routes/rounds/rounds'
import { setPasswordRoutes } from './routes/set-password'
import { settingsRoutes } from './routes/settings'
import { setupRoutes } from './routes/setup'
import { signInRoutes } from './routes/sign-in/sign-in'
import { ssoRoutes } from './routes/sign-in/sso'
import { strategyRoutes } from './routes/strategy'
import { teamResultsRoutes } from './routes/team-results'
import { teamsRoutes } from './routes/teams'

export type AppOptions = {
  /** The database for this request: libSQL on Node, D1 on Workers. */
  getDb: (c: Context<AppEnv>) => Db
  /** Serves the files under public/, as `npm run assets` publishes them. */
  serveAssets?: MiddlewareHandler<AppEnv>
  /** Where the published files are, by their plain names (read once, then kept); none by default. */
  assetPaths?: (c: Context<AppEnv>) => AssetPaths | Promise<AssetPaths>
  /** The clock, in milliseconds since the epoch; tests pass one they can move. */
  now?: () => number
  sessionPolicy?: SessionPolicy
  /** Adds a Server-Timing header with the time spent in the app (the benchmark reads it). */
  serverTiming?: boolean
  /** Compresses responses (Node; Workers compresses on its own). */
  compress?: MiddlewareHandler<AppEnv> | undefined
  /**
   * The address people reach the service at (https://recovery.example.nhs.uk), for a server behind
   * a proxy that ends TLS: the session cookie, the links it makes and the check that a form came
   * from this site go by it, not by how the request reached the server. Without it, the request's
   * own address.
   */
  publicOrigin?: string | undefined
  /** Lets single sign-on use a provider on this machine over plain http: for development and tests. */
  ssoAllowLoopback?: boolean
  /** What hashing a password costs; the full cost (OWASP's) unless tests lower it to run fast. */
  passwordCost?: PasswordCost
  /**
   * The email address of the service's operator, who creates organisations, suspends and restores
   * them; on Workers, the OPERATOR_EMAIL variable or secret. With one, first-run setup is closed.
   */
  operatorEmail?: string | undefined
}

/** The paths open without signing in; every other path needs a signed-in person. */
export const publicPaths = [
  '/setup',
  '/operator',
  '/operator/*',
  '/sign-in',
  '/sign-in/sso',
  '/sign-in/sso/callback',
  '/sign-out',
  '/healthz',
  '/set-password/*',
  '/r',
  '/r/*',
  `${assetPrefix}*`,
] as const

const errorTexts: Record<number, { heading: string; message: string }> = {
  403: {
    heading: 'You cannot do that',
    message:
      'The request was refused. If you submitted a form from another site or an old tab, go back to this service and try again.',
  },
  404: {
    heading: 'Page not found',
    message:
      'If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.',
  },
  413: {
    heading: 'This is too large to send',
    message: 'What was sent is larger than this page accepts, so nothing was saved.',
  },
  409: {
    heading: 'This cannot be changed',
    message: 'What you asked for would change something that is fixed.',
  },
  500: {
    heading: 'Sorry, there is a problem with the service',
    message: 'Try again later. Nothing you had already saved has been lost.',
  },
}

function renderError(
  c: Context<AppEnv>,
  status: 403 | 404 | 409 | 413 | 500 | 503,
  detail?: string,
) {
  const text = errorTexts[status] ?? errorTexts[500]
  const heading = text?.heading ?? ''
  const message = detail || text?.message || ''
  return render(c, <ErrorPage heading={heading} message={message} />, { title: heading, status })
}

export function createApp({
  getDb,
  serveAssets,
  assetPaths = () => ({}),
  now = Date.now,
  sessionPolicy = defaultSessionPolicy,
  serverTiming = false,
  publicOrigin,
  ssoAllowLoopback = false,
  compress,
  passwordCost = fullPasswordCost,
  operatorEmail,
}: AppOptions) {
  const origin = publicOrigin ? new URL(publicOrigin).origin : undefined
  const app = new Hono<AppEnv>()
  if (compress) app.use(compress)
  if (serverTiming) app.use(timing({ crossOrigin: false }))

  app.use(async (c, next) => {
    c.set('now', now)
    c.set('sessionPolicy', sessionPolicy)
    c.set('origin', origin ?? new URL(c.req.url).origin)
    c.set('ssoAllowLoopback', ssoAllowLoopback)
    c.set('passwordCost', passwordCost)
    c.set(
      'operatorEmail',
      normaliseEmail(operatorEmail ?? c.env?.OPERATOR_EMAIL ?? '') || undefined,
    )
    c.set('assetPaths', await assetPaths(c))
    await next()
  })
  app.use(securityHeaders())
  app.use(bodyLimits())
  if (serveAssets) {
    // A published file's path changes with its content: a browser may keep it for good.
    app.use(`${assetPrefix}*`, async (c, next) => {
      await next()
      if (c.res.status === 200 && isDigestNamed(c.req.path))
        c.res.headers.set('Cache-Control', publishedCacheControl)
    })
    app.use(`${assetPrefix}*`, serveAssets)
  }
  app.use(csrf({ origin: (from, c: Context<AppEnv>) => from === c.var.origin }))
  app.use(async (c, next) => {
    c.set('db', getDb(c))
    await next()
  })
  app.use(loadSession())
  // What a signed-in person sees is theirs alone: no browser or proxy keeps a copy of it.
  app.use(async (c, next) => {
    await next()
    if (c.var.signedIn && !c.res.headers.has('Cache-Control'))
      c.res.headers.set('Cache-Control', 'no-store')
  })
  app.use(requireSignIn({ publicPaths }))

  app.route('/setup', setupRoutes)
  app.route('/operator', operatorRoutes)
  app.route('/healthz', healthRoutes)
  app.route('/', signInRoutes)
  app.route('/', ssoRoutes)
  app.route('/', homeRoutes)
  app.route('/instruments', instrumentImportRoutes)
  app.route('/instruments', instrumentDraftsRoutes)
  app.route('/instruments', instrumentsRoutes)
  app.route('/teams/groupings', groupingRoutes)
  app.route('/teams', teamsRoutes)
  app.route('/people', peopleRoutes)
  app.route('/people', passwordLinkRoutes)
  app.route('/audit', auditRoutes)
  app.route('/settings', settingsRoutes)
  app.route('/set-password', setPasswordRoutes)
  app.route('/rounds/import', roundImportRoutes)
  app.route('/rounds', roundsRoutes)
  app.route('/rounds', roundLifecycleRoutes)
  app.route('/rounds/:id/invitations', invitationsRoutes)
  app.route('/rounds/:id/consensus/:groupId', consensusRoutes)
  app.route('/results/teams', teamResultsRoutes)
  app.route('/results/export', exportsRoutes)
  app.route('/results', resultsRoutes)
  app.route('/strategy', strategyRoutes)
  app.route('/networks', networkRoutes)
  app.route('/r', codeRoutes)
  app.route('/r/:token', respondRoutes)

  app.notFound((c) => renderError(c, 404))
  app.onError((err, c) => {
    // A refusal that carries its own page (a respondent's unknown code) is answered with it.
    if (
      err instanceof HTTPException &&
      err.res?.headers.get('Content-Type')?.startsWith('text/html')
    )
      return err.getResponse()
    if (err instanceof HTTPException && [403, 404, 409, 413].includes(err.status)) {
      const status = err.status as 403 | 404 | 409 | 413
      return renderError(c, status, status === 404 ? undefined : err.message)
    }
    console.error(err)
    return renderError(c, 500)
  })
  return app
}
