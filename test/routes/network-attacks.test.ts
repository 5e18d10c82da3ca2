import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { auditLog, networkMemberships, networkPeriods, organisations } from '../../src/db/schema'
import { createTeamRow, teamInstrument } from '../helpers/factories'
import { adminLinkIn, signInOperator } from '../helpers/operator'
import { postForm } from '../helpers/requests'
import { allAnswered, closedRoundWith } from '../helpers/results'
import { sessionCookie } from '../helpers/signed-in'

const password = 'a long enough password'
const team = teamInstrument()

/** A hosted service with a programme office that coordinates a network, and trusts not yet in it. */
async function service(trusts: number, respondents: (n: number) => number) {
  const h = await freshHarness({ operatorEmail: 'service.desk@hosting.example' })
  const operator = await signInOperator(h)
  const add = async (n: number) => {
    const email = `admin${n}@trust${n}.example`
    const made = await operator.post('/operator/organisations/new', {
      name: `Trust ${n}`,
      adminName: `Admin ${n}`,
      email,
    })
    const set = await postForm(h.app, adminLinkIn(await made.text()), {
      password,
      confirm: password,
    })
    const cookie = sessionCookie(set)
    const [row] = await h.db
      .select()
      .from(organisations)
      .where(eq(organisations.name, `Trust ${n}`))
    return {
      id: row?.id ?? '',
      email,
      post: (path: string, fields: Record<string, string> = {}) =>
        postForm(h.app, path, fields, { Cookie: cookie }),
    }
  }
  const office = await add(99)
  await operator.post('/operator/networks/new', {
    name: 'North',
    coordinatorEmail: office.email,
    kOrg: '5',
  })
  const members = []
  for (let n = 0; n < trusts; n++) {
    const member = await add(n)
    const ward = await createTeamRow(h.db, member.id, 'Ward 1')
    await closedRoundWith(h.db, member.id, team, {
      name: 'Spring 2025',
      date: '2025-03-31',
      responses: Array.from({ length: respondents(n) }, () => ({
        groupId: ward.id,
        answers: allAnswered(team, 4),
      })),
    })
    members.push(member)
  }
  const [network] = await h.db.query.networks.findMany()
  return { h, office, members, id: network?.id ?? '' }
}

const rows = async (
  h: { db: Awaited<ReturnType<typeof freshHarness>>['db'] },
  table: typeof networkMemberships | typeof networkPeriods,
) => (await h.db.select({ n: count() }).from(table))[0]?.n

describe('attacks on a network', () => {
  it('makes one membership of 20 acceptances at once, recorded once on each side; answering before an invitation does nothing', async () => {
    const { h, office, members, id } = await network1()
    const [trust] = members
    if (!trust) throw new Error('no trust')
    // The other order: accepting before any invitation is a 404 and stores nothing.
    expect((await trust.post(`/networks/${id}/answer`, { answer: 'accept' })).status).toBe(404)
    expect((await trust.post(`/networks/${id}/leave`)).status).toBe(404)
    expect(await rows(h, networkMemberships)).toBe(0)
    await office.post(`/networks/run/${id}/invite`, { organisationId: trust.id })
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => trust.post(`/networks/${id}/answer`, { answer: 'accept' })),
    )
    expect(answers.every((r) => r.status === 303)).toBe(true)
    expect(await rows(h, networkMemberships)).toBe(1)
    const joined = await h.db
      .select({ organisationId: auditLog.organisationId })
      .from(auditLog)
      .where(eq(auditLog.action, 'network.joined'))
    expect(joined.map((j) => j.organisationId).sort()).toEqual([office.id, trust.id].sort())
  })

  it('publishes a period once from 20 requests at once; five members of five people each is enough, four is not', async () => {
    // Five trusts of exactly 5 people (the round's threshold) and one of 4, below it.
    const { h, office, members, id } = await service(6, (n) => (n < 5 ? 5 : 4))
    for (const member of members) {
      await office.post(`/networks/run/${id}/invite`, { organisationId: member.id })
      await member.post(`/networks/${id}/answer`, { answer: 'accept' })
    }
    const sent = await Promise.all(
      Array.from({ length: 20 }, () =>
        office.post(`/networks/run/${id}/publish`, { period: '2025-H1' }),
      ),
    )
    expect(sent.every((r) => r.status === 303)).toBe(true)
    expect(await rows(h, networkPeriods)).toBe(1)
    const [period] = await h.db.select().from(networkPeriods)
    expect(period?.members).toBe(6)
    expect(period?.contributing).toBe(5)
    expect(period?.distributions['team-recovery-focus/teams/total']).toMatchObject({
      shown: true,
      organisations: 5,
      median: 75,
    })
  })
})

/** One trust, not yet invited. */
const network1 = () => service(1, () => 5)
