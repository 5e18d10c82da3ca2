import { expect } from 'vitest'
import { metrics, workstreams } from '../../src/db/schema'
import type { Harness } from '../harness/types'
import { createTeamRow } from './factories'
import { setUpAndSignIn } from './signed-in'

const teamNames = ['Ward 1', 'Ward 2', 'Ward 3', 'Ward 4']

/** A signed-in admin of an organisation with four wards. */
export async function setUpStrategy(fresh: Harness) {
  const h = await setUpAndSignIn(fresh)
  const teams = []
  for (const name of teamNames) teams.push(await createTeamRow(h.db, h.organisation.id, name))
  return { ...h, teams }
}

type Scope = Awaited<ReturnType<typeof setUpStrategy>>

/** The peer support workstream, made through its form. */
export async function peerSupportWorkstream(h: Scope) {
  const res = await h.post('/strategy/workstreams/new', {
    name: 'Peer support',
    purpose: 'Peer support workers in every team.',
    lead: 'Dana Okafor',
    domains: ['D08', 'D01'],
  })
  expect(res.status).toBe(303)
  const [row] = await h.db.select().from(workstreams)
  if (!row) throw new Error('no workstream')
  return row
}

/** Its per-team metric of peer support workers (at least 2 in every team), made through its form. */
export async function peerWorkersMetric(h: Scope, workstreamId: string) {
  const res = await h.post(`/strategy/workstreams/${workstreamId}/metrics/new`, {
    name: 'Peer support workers',
    unit: 'peer support workers',
    direction: 'higher',
    scope: 'team',
    cadence: 'monthly',
    comparator: '>=',
    targetValue: '2',
    coverageTarget: '100',
    dueOn: '2027-03-31',
    baseline: '',
    estimateInput: 'peer-support-workers',
  })
  expect(res.status).toBe(303)
  const [row] = await h.db.select().from(metrics)
  if (!row) throw new Error('no metric')
  return row
}

/** The form fields of one value for each ward, in order; undefined leaves a ward out. */
export const valueFields = (h: Scope, values: (string | undefined)[]) =>
  Object.fromEntries(
    h.teams.flatMap((t, i) => (values[i] === undefined ? [] : [[`value-${t.id}`, values[i]]])),
  ) as Record<string, string>
