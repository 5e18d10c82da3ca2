import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { manualClock } from '../helpers/clock'
import {
  createPerson,
  createRoundRow,
  createTeamRow,
  knownPassword,
  validRound,
} from '../helpers/factories'
import { setUpAndSignIn, signInAs } from '../helpers/signed-in'

describe('home page', () => {
  it('lists what each person has to do: consensus to record, open rounds, rounds to close', async () => {
    const clock = manualClock(Date.UTC(2027, 2, 10, 9))
    const h = await setUpAndSignIn(await freshHarness({ now: clock.now }))
    const ward = await createTeamRow(h.db, h.organisation.id, 'Ward 3')
    const other = await createTeamRow(h.db, h.organisation.id, 'Ward 4')
    await createRoundRow(h.db, h.organisation.id, [ward.id], {
      name: 'Ward workshop',
      mode: 'consensus',
    })
    await createRoundRow(h.db, h.organisation.id, [other.id], {
      name: 'Winter survey',
      closesOn: '2027-03-05',
    })
    await createPerson(h.db, h.organisation.id, {
      email: 'lead@northmoor.example',
      grants: [{ role: 'team-lead', groupId: ward.id }],
    })
    const lead = await signInAs(h, 'lead@northmoor.example', knownPassword)
    const leadHome = await (await lead.get('/')).text()
    expect(leadHome).toContain('Consensus ratings to record')
    expect(leadHome).toContain(`/consensus/${ward.id}`)
    expect(leadHome).not.toContain('Winter survey')
    const adminHome = await (await h.get('/')).text()
    expect(adminHome).toContain('Rounds past their closing date')
    expect(adminHome).toContain('Winter survey')
    expect(adminHome).toContain('Ward workshop')
    clock.advance(60 * 24 * 25)
    const later = await signInAs(h, 'lead@northmoor.example', knownPassword)
    const overdue = await (await later.get('/')).text()
    expect(overdue).toContain('Rounds past their closing date')
    expect(overdue).toContain('Ward workshop')
  })
})

describe('an admin’s first day', () => {
  it('ticks each first step as it is done, in order, and then leaves the checklist out', async () => {
    const h = await setUpAndSignIn(
      await freshHarness({ now: manualClock(Date.UTC(2027, 2, 2, 9)).now }),
    )
    const ticks = async () => {
      const page = await (await h.get('/')).text()
      if (!page.includes('Get started')) return null
      return [
        ...page.matchAll(/id="step-(\w+)-status">(Completed|<strong[^>]*>Not done yet)/g),
      ].map((m) => `${m[1]}: ${m[2] === 'Completed' ? 'done' : 'to do'}`)
    }
    const first = await (await h.get('/')).text()
    expect(first).not.toContain('There is nothing for you to do')
    expect(await ticks()).toEqual(['teams: to do', 'people: to do', 'round: to do', 'links: to do'])
    const team = await createTeamRow(h.db, h.organisation.id, 'Ward 3')
    expect(await ticks()).toEqual(['teams: done', 'people: to do', 'round: to do', 'links: to do'])
    await h.post('/people/new', {
      name: 'Sam Jones',
      email: 'sam@northmoor.example',
      role: 'viewer',
    })
    expect(await ticks()).toEqual(['teams: done', 'people: done', 'round: to do', 'links: to do'])
    const round = (await h.post('/rounds/new', validRound([team.id]))).headers.get('Location') ?? ''
    expect(await ticks()).toEqual(['teams: done', 'people: done', 'round: done', 'links: to do'])
    expect(await (await h.get('/')).text()).toContain(`href="${round}"`)
    await h.post(`${round}/open`)
    await h.post(`${round}/invitations`, { groupId: team.id, perspective: 'staff', count: '2' })
    expect(await ticks()).toBeNull()
    // Someone who is not an admin never sees the checklist, even on a fresh install.
    const fresh = await setUpAndSignIn(await freshHarness())
    await createPerson(fresh.db, fresh.organisation.id, {
      email: 'lead@northmoor.example',
      grants: [{ role: 'viewer' }],
    })
    const viewer = await signInAs(fresh, 'lead@northmoor.example', knownPassword)
    expect(await (await viewer.get('/')).text()).not.toContain('Get started')
  })

  it('leads from the latest results to the results and report of each closed round', async () => {
    const h = await setUpAndSignIn(
      await freshHarness({ now: manualClock(Date.UTC(2027, 2, 2, 9)).now }),
    )
    const team = await createTeamRow(h.db, h.organisation.id, 'Ward 3')
    const round = (await h.post('/rounds/new', validRound([team.id]))).headers.get('Location') ?? ''
    await h.post(`${round}/open`)
    await h.post(`${round}/close`)
    const id = round.split('/').pop()
    const home = await (await h.get('/')).text()
    expect(home).toContain(`href="/results?round=${id}"`)
    expect(home).toContain(`href="/results/report?round=${id}"`)
    expect((await h.get(`/results?round=${id}`)).status).toBe(200)
  })
})
