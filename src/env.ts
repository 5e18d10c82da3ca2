import type { D1Database } from '@cloudflare/workers-types'
import type { Db } from './db/client'
import type { Organisation } from './db/queries/organisations'

/** Bindings present on Workers (see wrangler.toml); on Node they are absent. */
export type Bindings = {
  DB?: D1Database
  ASSETS?: { fetch(request: Request): Promise<Response> }
}

export type Variables = {
  db: Db
  organisation: Organisation
}

export type AppEnv = { Bindings: Bindings; Variables: Variables }
