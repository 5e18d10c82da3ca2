import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import type { Db } from '../../src/db/client'
import { answerInvitation, createNetwork, getNetwork, invite } from '../../src/db/network-store'
import { memberContributions } from '../../src/db/queries/network-figures'
import { groups } from '../../src/db/schema'
import { measureKey } from '../../src/instruments/network'
import {
  createOrganisation,
  createPerson,
  createTeamRow,
  orgInstrument,
  teamInstrument,
} from '../helpers/factories'
import { allAnswered, closedRoundWith } from '../helpers/results'

const team = teamInstrument()
const exec = orgInstrument()
const at = new Date('2026-11-01T09:00:00Z')

/** A team's closed round on a date: `people` respondents all answering `value`. */
async function teamRound(
  db: Db,
  organisationId: string,
  date: string,
  value: 1 | 2 | 3 | 4 | 5,
  people = 6,
) {
  const ward = await createTeamRow(db, organisationId, `Ward ${date}`)
  await closedRoundWith(db, organisationId, team, {
    name: `Survey ${date}`,
    date,
    responses: Array.from({ length: people }, () => ({
      groupId: ward.id,
      answers: allAnswered(team, value),
    })),
  })
}

describe('what members give a network for a period', () => {
  it('takes each member’s latest round of the period, leaves out a figure below its threshold, counts an agreed executive record, and nothing of a non-member', async () => {
    const { db } = await freshHarness()
    const office = await createOrganisation(db, { name: 'Programme office' })
    const lead = await createPerson(db, office.id, { email: 'lead@office.example' })
    const id = await createNetwork(db, {
      name: 'North',
      kOrg: 5,
      coordinator: { organisationId: office.id, personId: lead.id },
      at,
    })
    const network = id ? await getNetwork(db, id) : null
    if (!network) throw new Error('no network')
    const [a, b, c] = await Promise.all(
      ['Trust A', 'Trust B', 'Trust C'].map((name) => createOrganisation(db, { name })),
    )
    if (!a || !b || !c) throw new Error('no trusts')
    for (const member of [a, b]) {
      await invite(db, { organisationId: office.id, actorId: lead.id, at }, network, member.id)
      await answerInvitation(db, { organisationId: member.id, actorId: 'admin', at }, network, true)
    }
    // A: two rounds in the first half of 2025 (the later one counts) and one just after it.
    await teamRound(db, a.id, '2025-03-31', 2)
    await teamRound(db, a.id, '2025-06-30', 4)
    await teamRound(db, a.id, '2025-07-01', 5)
    // B: a round of 4 people (below 5), and its executive's agreed record, every rating 3 of 0 to 3.
    await teamRound(db, b.id, '2025-05-01', 5, 4)
    const executive = {
      id: crypto.randomUUID(),
      organisationId: b.id,
      kind: 'executive' as const,
      name: 'Executive team',
      createdAt: at.toISOString(),
    }
    await db.insert(groups).values(executive)
    await closedRoundWith(db, b.id, exec, {
      name: 'Board 2025',
      date: '2025-04-30',
      mode: 'consensus',
      responses: [
        { groupId: executive.id, perspective: 'executive', answers: allAnswered(exec, 3) },
      ],
    })
    // C is no member.
    await teamRound(db, c.id, '2025-05-01', 1)

    const given = await memberContributions(db, network.id, {
      from: '2025-01-01',
      to: '2025-06-30',
    })
    expect(given[measureKey(team.slug, 'teams', 'total')]).toEqual([
      { organisationId: a.id, value: 75 },
    ])
    expect(given[measureKey(exec.slug, 'executive', 'total')]).toEqual([
      { organisationId: b.id, value: 100 },
    ])
    const everyone = Object.values(given)
      .flat()
      .map((g) => g.organisationId)
    expect(everyone).not.toContain(c.id)
    expect(new Set(everyone)).toEqual(new Set([a.id, b.id]))
  })
})
