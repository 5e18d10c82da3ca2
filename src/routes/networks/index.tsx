import { Hono } from 'hono'
import type { SignedInEnv } from '../../env'
import { coordinatorRoutes } from './coordinator'
import { memberNetworkRoutes } from './member'

/** Networks of organisations: a member's view and answers, and the coordinator's pages. */
export const networkRoutes = new Hono<SignedInEnv>()
  .route('/', memberNetworkRoutes)
  .route('/run', coordinatorRoutes)
