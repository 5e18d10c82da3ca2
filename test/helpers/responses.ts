import { expect } from 'vitest'
import type { Db } from '../../src/db/client'
import { completeResponse } from '../../src/db/queries/completion'
import { createInvitations, responseIdOf } from '../../src/db/queries/invitations'
import { type SavedAnswer, saveAnswers } from '../../src/db/queries/responses'
import type { Answers } from '../../src/instruments/scoring'
import type { Harness } from '../harness/types'
import {
  createOrganisation,
  createRoundRow,
  createTeamRow,
  startResponse,
  teamInstrument,
} from './factories'

const instrument = teamInstrument()

/** An organisation with one team in an open round, and who acts for it. */
export async function openRound({ db }: Harness) {
  const org = await createOrganisation(db)
  const team = await createTeamRow(db, org.id, 'Ward 3')
  const round = await createRoundRow(db, org.id, [team.id])
  const actor = { organisationId: org.id, actorId: crypto.randomUUID(), at: new Date() }
  return { db, org, team, round, actor }
}

/** Answers as saved: each given value, with no comment. */
export const asSaved = (given: Answers): SavedAnswer[] =>
  Object.entries(given).flatMap(([linkId, value]) =>
    value === undefined ? [] : [{ linkId, value, comment: null }],
  )

/** One staff member of the team answering through an invitation, completed. */
export async function respond(
  db: Db,
  scope: Awaited<ReturnType<typeof openRound>>,
  given: Answers,
): Promise<void> {
  const [link] = await createInvitations(db, scope.actor, scope.round.id, [
    { groupId: scope.team.id, perspective: 'staff', count: 1 },
  ])
  if (!link) throw new Error('no link')
  const response = await startResponse(db, {
    ...{
      organisationId: scope.org.id,
      roundId: scope.round.id,
      groupId: scope.team.id,
      perspective: 'staff',
    },
    id: await responseIdOf(link.token),
    kind: 'individual',
    startedOn: '2027-03-02',
  })
  await saveAnswers(db, response, asSaved(given))
  expect(await completeResponse(db, instrument, response, '2027-03-02')).toBe(true)
}
