import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { manualClock } from '../helpers/clock'
import { createPerson, createRoundRow, createTeamRow, knownPassword } from '../helpers/factories'
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
