import type { D1Database } from '@cloudflare/workers-types'
import type { Db } from './db/client'
import type { Organisation } from './db/queries/organisations'
import type { SignedIn } from './db/queries/sessions'
import type { Grant } from './instruments/enums'

/** How long a session lasts: idle, and at most from sign-in however active. */
export type SessionPolicy = { idleMs: number; absoluteMs: number }

/**
 * Where each static file is published: its plain name (`app.css`) to a path named by a digest of
 * its content (`/assets/app.086c07465a66.css`), written by `npm run assets`. A browser may keep
 * such a file for good: a changed file has a new path.
 */
export type AssetPaths = Readonly<Record<string, string>>

/** What scrypt spends on a password: its cost N, block size r and parallelism p. */
export type PasswordCost = { N: number; r: number; p: number }

/** Bindings present on Workers (see wrangler.toml); on Node they are absent. */
export type Bindings = {
  DB?: D1Database
  ASSETS?: { fetch(request: Request): Promise<Response> }
  /** The email address of the service's operator, who creates and suspends organisations. */
  OPERATOR_EMAIL?: string
}

export type Variables = {
  db: Db
  /** The time now, in milliseconds since the epoch (a controllable clock in tests). */
  now: () => number
  /** Set once a person is signed in: the organisation every query of the request is scoped to. */
  organisation?: Organisation
  signedIn?: SignedInPerson
  sessionPolicy: SessionPolicy
  /** Where people reach the service: the configured public origin, or the request's own. */
  origin: string
  /** Whether single sign-on may use a provider on this machine over plain http (tests only). */
  ssoAllowLoopback: boolean
  /** Where the static files are published, by their plain names. */
  assetPaths: AssetPaths
  /** What a new password's hash costs (the full cost, unless the tests lower it). */
  passwordCost: PasswordCost
  /** The service operator's email address, lower-cased, when one is configured. */
  operatorEmail?: string | undefined
  /** Set on the operator's pages once the operator is signed in. */
  operator?: { email: string }
}

export type SignedInPerson = SignedIn & { grants: Grant[] }

export type AppEnv = { Bindings: Bindings; Variables: Variables }

/**
 * A request to a page behind sign-in: the sign-in guard (requireSignIn in src/lib/sessions.ts) lets
 * no request through to a path outside its public list without a session, and the session brings
 * the person and their organisation.
 */
export type SignedInEnv = {
  Bindings: Bindings
  Variables: Variables & { organisation: Organisation; signedIn: SignedInPerson }
}
