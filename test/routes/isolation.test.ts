import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { createNetwork, getNetwork, invite } from '../../src/db/network-store'
import { setSuspended } from '../../src/db/queries/hosting'
import { createMetric } from '../../src/db/queries/metrics'
import { getPerson } from '../../src/db/queries/people'
import { createObjective, createWorkstream } from '../../src/db/queries/strategy'
import {
  createOrganisation,
  createOwnInstrument,
  createPerson,
  createRoundRow,
  createTeamRow,
} from '../helpers/factories'
import { registeredPaths } from '../helpers/routes'
import { setUpAndSignIn } from '../helpers/signed-in'

describe('tenant isolation', () => {
  it('answers 404 or 403, without any of its data, for every route given another organisation’s ids', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    await createTeamRow(h.db, h.organisation.id, 'Our own ward')

    const b = await createOrganisation(h.db, { name: 'Elsewhere Trust' })
    const team = await createTeamRow(h.db, b.id, 'Elsewhere Ward')
    const instrument = await createOwnInstrument(h.db, b.id, {
      slug: 'elsewhere-survey',
      title: 'Elsewhere survey',
    })
    const person = await createPerson(h.db, b.id, {
      email: 'someone@elsewhere.example',
      name: 'Elsewhere Person',
      grants: [{ role: 'team-lead', groupId: team.id }],
    })
    const grant = (await getPerson(h.db, b.id, person.id))?.grants[0]
    const round = await createRoundRow(h.db, b.id, [team.id], {
      name: 'Elsewhere round',
      mode: 'consensus',
    })
    const actor = { organisationId: b.id, actorId: person.id, at: new Date() }
    const workstream = await createWorkstream(h.db, actor, {
      name: 'Elsewhere workstream',
      purpose: 'Elsewhere purpose',
      lead: 'Elsewhere lead',
      linkedDomains: [],
    })
    const metric = await createMetric(h.db, actor, workstream ?? '', {
      name: 'Elsewhere metric',
      unit: 'workers',
      direction: 'higher',
      scope: 'team',
      cadence: 'monthly',
      comparator: '>=',
      targetValue: 1,
      coverageTarget: 100,
      dueOn: '2027-03-31',
      baseline: null,
    })
    const objective = await createObjective(h.db, actor, workstream ?? '', {
      title: 'Elsewhere objective',
      owner: 'Elsewhere owner',
      dueOn: '2027-03-31',
    })
    // A network B's person coordinates, with B invited to it.
    const network = await createNetwork(h.db, {
      name: 'Elsewhere network',
      kOrg: 5,
      coordinator: { organisationId: b.id, personId: person.id },
      at: new Date(),
    })
    const made = network ? await getNetwork(h.db, network) : null
    if (made) await invite(h.db, actor, made, b.id)
    // A third organisation, suspended, whose names must not show anywhere either.
    const c = await createOrganisation(h.db, { name: 'Farside Trust' })
    await createTeamRow(h.db, c.id, 'Farside Ward')
    await setSuspended(h.db, { organisationId: c.id, suspend: true, at: new Date() })
    const secrets = ['Elsewhere', 'elsewhere', 'Farside']

    // Every parameter gets one of B's ids of each kind: a team, a person, a round, a workstream, a
    // metric, an objective, a network; its grant and its instrument. A route given an id of its own kind
    // from B must still answer 404 or 403, so a missing organisation filter is caught.
    const idsOfB = [team.id, person.id, round.id, workstream, metric, objective, network].map(
      (id) => {
        if (!id) throw new Error('an id of B was not made')
        return id
      },
    )
    let checked = 0
    for (const id of idsOfB) {
      const params = {
        id,
        grantId: grant?.id ?? '',
        slug: instrument.slug,
        version: '1',
        linkId: 'T01',
        groupId: team.id,
        n: '1',
      }
      for (const method of ['GET', 'POST'] as const) {
        const paths = registeredPaths(h.app, method, params).filter(
          (p) => idsOfB.some((x) => p.includes(x)) || p.includes(instrument.slug),
        )
        for (const path of paths) {
          const res =
            method === 'GET'
              ? await h.get(path)
              : await h.post(path, {
                  name: 'x',
                  title: 'x',
                  description: 'x',
                  role: 'viewer',
                  teamType: 'crisis',
                })
          const body = await res.text()
          expect([method, path, res.status]).toEqual([method, path, expect.toBeOneOf([403, 404])])
          for (const secret of secrets) expect(body, `${method} ${path}`).not.toContain(secret)
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15)
    for (const list of ['/', '/teams', '/people', '/instruments', '/audit', '/rounds']) {
      const body = await (await h.get(list)).text()
      for (const secret of secrets) expect(body, list).not.toContain(secret)
    }
  })
})
