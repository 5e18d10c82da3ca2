import type { Hono } from 'hono'
import type { AppOptions } from '../../src/app'
import type { Db } from '../../src/db/client'
import type { AppEnv } from '../../src/env'

export type Harness = { runtime: 'node' | 'workers'; app: Hono<AppEnv>; db: Db }

export type HarnessOptions = Pick<
  AppOptions,
  'now' | 'sessionPolicy' | 'publicOrigin' | 'ssoAllowLoopback'
>
