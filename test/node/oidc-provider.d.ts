declare module 'oidc-provider' {
  import type { Server } from 'node:http'

  /** The part of oidc-provider the tests use: a real OpenID provider, started in the test. */
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    listen(port: number, host: string): Server
    /** A Koa middleware run before the provider's own. */
    use(middleware: (ctx: { path: string }, next: () => Promise<void>) => Promise<void>): void
  }
}
