import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { Organisation } from '../../src/db/queries/organisations'
import type { AppEnv, SignedInPerson } from '../../src/env'
import { signedInContext } from '../../src/lib/sessions'

/** A bare app whose one route narrows its request to a signed-in one, with what a guard may have set. */
function appWith(vars: { organisation?: Organisation; signedIn?: SignedInPerson }) {
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      if (vars.organisation) c.set('organisation', vars.organisation)
      if (vars.signedIn) c.set('signedIn', vars.signedIn)
      await next()
    })
    .get('/', (c) => c.text(signedInContext(c).var.organisation.name))
}

const organisation = { id: 'org-1', name: 'North Trust' } as Organisation
const signedIn = { person: { id: 'p-1', name: 'Ana' }, grants: [] } as unknown as SignedInPerson

describe('narrowing a request to a signed-in one', () => {
  it('refuses with 401 a request that has no signed-in person or no organisation', async () => {
    for (const vars of [{}, { organisation }, { signedIn }]) {
      const res = await appWith(vars).request('/')
      expect(res.status).toBe(401)
    }
  })

  it('lets through a request with both, reading the organisation it carries', async () => {
    const res = await appWith({ organisation, signedIn }).request('/')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('North Trust')
  })
})
