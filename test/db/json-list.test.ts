import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { jsonList, jsonLists, preparedLists } from '../../src/db/json-list'
import { slot } from '../../src/db/prepared'
import {
  groupingsQuery,
  listTeams,
  teamsInScopeQuery,
  teamsQuery,
} from '../../src/db/queries/groups'
import { groups } from '../../src/db/schema'
import { createOrganisation, createTeamRow } from '../helpers/factories'

const read = preparedLists({
  teams: teamsQuery(slot('organisationId')),
  inScope: teamsInScopeQuery(slot('organisationId')),
  groupings: groupingsQuery(slot('organisationId')),
})

describe('lists read as JSON in one statement', () => {
  it('give each organisation its own rows, the same as one list at a time, however often the prepared statement is run', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.boolean(), fc.string({ minLength: 1, maxLength: 12 })), {
          maxLength: 8,
        }),
        async (teams) => {
          const { db } = await freshHarness()
          const [a, b] = [await createOrganisation(db), await createOrganisation(db)]
          const made = { [a.id]: [] as string[], [b.id]: [] as string[] }
          for (const [i, [inA, name]] of teams.entries()) {
            const org = inA ? a : b
            const team = await createTeamRow(db, org.id, `${name} ${i}`)
            made[org.id]?.push(team.id)
          }
          for (const org of [a, b, a, b]) {
            const lists = await read(db, { organisationId: org.id })
            expect(lists.teams.map((t) => t.id).sort()).toEqual([...(made[org.id] ?? [])].sort())
            expect(lists.teams).toEqual(await listTeams(db, org.id))
            expect(lists.inScope).toEqual([{ count: made[org.id]?.length }])
            expect(lists.groupings).toEqual([])
            expect(await jsonLists(db, { teams: teamsQuery(org.id) })).toEqual({
              teams: lists.teams,
            })
          }
        },
      ),
      { numRuns: 15 },
    )
  })

  it('keeps text as it was written, quotes, backslashes and all, and null as null', async () => {
    const { db } = await freshHarness()
    const org = await createOrganisation(db)
    const name = 'Ward "A" \\ [1], {x}: \u00e9 \u{1F600}'
    const team = await createTeamRow(db, org.id, name)
    const [found] = await jsonList(db, teamsQuery(org.id, team.id))
    expect(found).toEqual({
      id: team.id,
      name,
      teamType: 'community',
      groupingId: null,
      grouping: null,
      predecessorId: null,
      predecessor: null,
      archivedAt: null,
    })
    expect(await db.select({ name: groups.name }).from(groups)).toEqual([{ name }])
  })
})
