import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { organisations } from '../../src/db/schema'
import type { Harness } from '../harness/types'
import { createTeamRow, teamInstrument } from '../helpers/factories'
import { adminLinkIn, signInOperator } from '../helpers/operator'
import { postForm } from '../helpers/requests'
import { allAnswered, closedRoundWith } from '../helpers/results'
import { sessionCookie } from '../helpers/signed-in'

const password = 'a long enough password'
const team = teamInstrument()

/** An organisation added by the operator, its admin signed in, with requests as that admin. */
async function trust(h: Harness, operator: Awaited<ReturnType<typeof signInOperator>>, n: number) {
  const name = `Trust ${String.fromCharCode(65 + n)}`
  const email = `admin${n}@trust${n}.example`
  const made = await operator.post('/operator/organisations/new', {
    name,
    adminName: `Admin ${n}`,
    email,
  })
  const set = await postForm(h.app, adminLinkIn(await made.text()), { password, confirm: password })
  const cookie = sessionCookie(set)
  const [row] = await h.db.select().from(organisations).where(eq(organisations.name, name))
  if (!row) throw new Error('no organisation')
  return {
    id: row.id,
    name,
    email,
    get: (path: string) => h.app.request(path, { headers: { Cookie: cookie } }),
    post: (path: string, fields: Record<string, string> = {}) =>
      postForm(h.app, path, fields, { Cookie: cookie }),
  }
}

/** One team's closed round in the first half of 2025: `people` respondents all answering `value`. */
async function closedRound(
  h: Harness,
  organisationId: string,
  value: 1 | 2 | 3 | 4 | 5,
  people = 6,
) {
  const ward = await createTeamRow(h.db, organisationId, 'Ward 1')
  await closedRoundWith(h.db, organisationId, team, {
    name: 'Spring 2025',
    date: '2025-03-31',
    responses: Array.from({ length: people }, () => ({
      groupId: ward.id,
      answers: allAnswered(team, value),
    })),
  })
}

async function network(memberCount: number, { belowK = 0 } = {}) {
  const h = await freshHarness({ operatorEmail: 'service.desk@hosting.example' })
  const operator = await signInOperator(h)
  const office = await trust(h, operator, 25)
  const made = await operator.post('/operator/networks/new', {
    name: 'North recovery collaborative',
    coordinatorEmail: office.email,
    kOrg: '5',
  })
  expect(made.status).toBe(303)
  const list = await (await office.get('/networks')).text()
  const networkPath = /href="(\/networks\/run\/[\w-]+)"/.exec(list)?.[1] ?? ''
  expect(networkPath).not.toBe('')
  const members = []
  for (let n = 0; n < memberCount; n++) {
    const member = await trust(h, operator, n)
    await closedRound(h, member.id, ((n % 5) + 1) as 1 | 2 | 3 | 4 | 5, n < belowK ? 4 : 6)
    expect((await office.post(`${networkPath}/invite`, { organisationId: member.id })).status).toBe(
      303,
    )
    const id = networkPath.split('/').at(-1)
    expect((await member.post(`/networks/${id}/answer`, { answer: 'accept' })).status).toBe(303)
    members.push(member)
  }
  return { h, operator, office, networkPath, members }
}

describe('networks of organisations', () => {
  it('shows the coordinator the distribution and who took part, never a member’s name or figure', async () => {
    const { office, networkPath, members } = await network(6)
    const publish = await office.post(`${networkPath}/publish`, { period: '2025-H1' })
    expect(publish.status).toBe(303)
    const page = await (await office.get(networkPath)).text()
    expect(page).toContain('January to June 2025')
    expect(page).toContain('Teams together: total score')
    for (const member of members) expect(page).not.toContain(member.name)
    // Six trusts answered 1, 2, 3, 4, 5, 1 on every question (0, 25, 50, 75, 100, 0 on 0 to 100):
    // median 37.5, quartiles 6.3 and 68.8 (6.25 and 68.75), range 0 to 100.
    expect(page).toMatch(
      /Teams together: total score<\/td><td[^>]*>6<\/td><td[^>]*>37\.5<\/td><td[^>]*>6\.3 to 68\.8<\/td><td[^>]*>0 to 100</,
    )
    // The period is published once: it is no longer offered, and publishing again changes nothing.
    expect(page).not.toContain('<option value="2025-H1"')
    await office.post(`${networkPath}/publish`, { period: '2025-H1' })
    expect(await (await office.get(networkPath)).text()).toBe(page)
  })

  it('shows a member its own figure beside the network’s, with where it stands in words', async () => {
    const { office, networkPath, members } = await network(6)
    await office.post(`${networkPath}/publish`, { period: '2025-H1' })
    const page = await (await members[4]?.get('/networks'))?.text()
    expect(page).toContain('North recovery collaborative')
    expect(page).toMatch(
      /Teams together: total score<\/td>.*?>100\.0<\/td><td[^>]*>in the top quarter of 6 organisations</s,
    )
  })

  it('shows only a count when fewer than k organisations give a figure, and a figure below the round’s threshold is not given', async () => {
    // Six members, two of whose rounds have 4 responses (below k = 5): four give figures.
    const { office, networkPath } = await network(6, { belowK: 2 })
    await office.post(`${networkPath}/publish`, { period: '2025-H1' })
    const page = await (await office.get(networkPath)).text()
    expect(page).toMatch(
      /Teams together: total score<\/td><td[^>]*>4<\/td><td[^>]*>Not shown: fewer than 5 organisations gave a figure/,
    )
    expect(page).toMatch(/<td[^>]*>6<\/td><td[^>]*>4<\/td>/)
  })

  it('keeps a published period as it was when a member leaves, and lets only the coordinator run the network', async () => {
    const { h, office, networkPath, members } = await network(5)
    await office.post(`${networkPath}/publish`, { period: '2025-H1' })
    const before = await (await office.get(networkPath)).text()
    const id = networkPath.split('/').at(-1)
    expect((await members[0]?.post(`/networks/${id}/leave`))?.status).toBe(303)
    const after = await (await office.get(networkPath)).text()
    // What was published, from the periods' heading to the invitations, reads as it did.
    const periods = (page: string) =>
      page.slice(page.indexOf('<h2>Benchmark periods</h2>'), page.indexOf('<h2>Invitations</h2>'))
    expect(periods(after)).toContain('January to June 2025')
    expect(periods(after)).toBe(periods(before))
    expect(after).toContain('4 organisations are members')
    // A member's admin, who coordinates nothing, cannot open or change the coordinator's pages.
    for (const member of members.slice(1, 3)) {
      expect((await member.get(networkPath)).status).toBe(403)
      expect((await member.post(`${networkPath}/publish`, { period: '2024-H2' })).status).toBe(403)
    }
    expect(h.runtime).toMatch(/node|workers/)
  })

  it('asks the operator again, beside each field, for a network it cannot make, and makes none', async () => {
    const { operator, office } = await network(0)
    const tries: [Record<string, string>, string, string][] = [
      [{ name: '', coordinatorEmail: office.email, kOrg: '5' }, 'name', 'Enter the network’s name'],
      [
        { name: 'B', coordinatorEmail: 'nobody@x.example', kOrg: '5' },
        'coordinatorEmail',
        'No one signs in to this service with this email address',
      ],
      [
        { name: 'B', coordinatorEmail: office.email, kOrg: '2' },
        'kOrg',
        'A network figure needs at least 3 organisations behind it',
      ],
      [
        { name: 'North recovery collaborative', coordinatorEmail: office.email, kOrg: '5' },
        'name',
        'A network already has this name',
      ],
    ]
    for (const [fields, field, message] of tries) {
      const res = await operator.post('/operator/networks/new', fields)
      expect([field, res.status]).toEqual([field, 422])
      expect(await res.text()).toContain(`<a href="#${field}">${message}</a>`)
    }
    let list = await (await operator.get('/operator')).text()
    expect(list).toContain('1 network<')
    // A network of quarters offers its coordinator the quarters that have ended.
    const quarters = { name: 'South', coordinatorEmail: office.email, kOrg: '3', periodMonths: '3' }
    expect((await operator.post('/operator/networks/new', quarters)).status).toBe(303)
    list = await (await operator.get('/operator')).text()
    expect(list).toContain('2 networks<')
    const mine = await (await office.get('/networks')).text()
    const south = /href="(\/networks\/run\/[\w-]+)">South</.exec(mine)?.[1] ?? ''
    const page = await (await office.get(south)).text()
    expect(page).toMatch(/<option value="\d{4}-Q[1-4]">[A-Z][a-z]+ to [A-Z][a-z]+ \d{4}<\/option>/)
    expect(page).not.toContain('-H1"')
  })
})
