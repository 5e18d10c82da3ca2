import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { operatorNetworkRoutes } from './networks'
import { operatorOrganisationRoutes } from './organisations'
import { operatorSignInRoutes } from './sign-in'

/** The service operator's pages, behind their own sign-in, apart from any organisation's. */
export const operatorRoutes = new Hono<AppEnv>()
  .route('/', operatorSignInRoutes)
  .route('/', operatorOrganisationRoutes)
  .route('/', operatorNetworkRoutes)
