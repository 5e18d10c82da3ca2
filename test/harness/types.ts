import type { Hono } from 'hono'
import type { AppOptions } from '../../src/app'
import type { Db } from '../../src/db/client'
import type { AppEnv, PasswordCost } from '../../src/env'

export type Harness = { runtime: 'node' | 'workers'; app: Hono<AppEnv>; db: Db }

export type HarnessOptions = Pick<
  AppOptions,
  'now' | 'sessionPolicy' | 'publicOrigin' | 'ssoAllowLoopback' | 'passwordCost' | 'operatorEmail'
>

/**
 * What a password's hash costs in the tests: scrypt's form at a cost a busy machine does in about
 * a millisecond, so that no test waits on it. The full cost is tested on its own.
 */
export const testPasswordCost: PasswordCost = { N: 2 ** 10, r: 8, p: 1 }
