import type { Db } from '../../src/db/client'
import { importHistory } from '../../src/db/queries/history'
import type { Instrument, Perspective } from '../../src/instruments/definition'
import type { AnswerValue } from '../../src/instruments/scoring'
import type { Harness } from '../harness/types'
import { createTeamRow, teamInstrument } from './factories'
import { setUpAndSignIn } from './signed-in'

export type GivenResponse = {
  groupId: string
  perspective?: Perspective
  answers: Readonly<Record<string, AnswerValue | undefined>>
  comments?: Readonly<Record<string, string>>
}

/**
 * A closed round with these responses, stored through the import's write path, which completes
 * each response with its scores and aggregates as the respondent's submission does.
 */
export async function closedRoundWith(
  db: Db,
  organisationId: string,
  instrument: Instrument,
  {
    name,
    date,
    mode = 'individual',
    responses,
    thresholds,
    groupIds,
  }: {
    name: string
    date: string
    mode?: 'individual' | 'consensus'
    responses: readonly GivenResponse[]
    thresholds?: { anonymityThreshold?: number; commentThreshold?: number }
    /** Groups the round assessed, answered or not (those with responses by default). */
    groupIds?: readonly string[]
  },
) {
  await importHistory(
    db,
    { organisationId, actorId: crypto.randomUUID(), at: new Date(`${date}T12:00:00Z`) },
    [
      {
        name,
        instrument,
        date,
        mode,
        groupIds: new Set(groupIds ?? responses.map((r) => r.groupId)),
        ...(thresholds ? { thresholds } : {}),
        perspectives: new Set(responses.map((r) => r.perspective ?? 'staff')),
        responses: responses.map((r) => ({
          groupId: r.groupId,
          perspective: r.perspective ?? 'staff',
          answers: new Map(
            Object.entries(r.answers).flatMap(([linkId, value]) =>
              value === undefined ? [] : [[linkId, value] as const],
            ),
          ),
          comments: new Map(Object.entries(r.comments ?? {})),
        })),
      },
    ],
  )
}

/** Every item of the instrument answered with the same value. */
export const allAnswered = (instrument: Instrument, value: AnswerValue) =>
  Object.fromEntries(instrument.items.map((item) => [item.linkId, value]))

/** Ward A with six responses and Ward B with three (k = 5), at one closed round. */
export async function twoWards(fresh: Harness, bValue: 1 | 2 | 3 | 4 | 5 = 2) {
  const team = teamInstrument()
  const h = await setUpAndSignIn(fresh)
  const a = await createTeamRow(h.db, h.organisation.id, 'Ward A')
  const b = await createTeamRow(h.db, h.organisation.id, 'Ward B')
  await closedRoundWith(h.db, h.organisation.id, team, {
    name: 'Spring 2025',
    date: '2025-03-31',
    responses: [
      ...[4, 4, 5, 3, 4, 4].map((v) => ({ groupId: a.id, answers: allAnswered(team, v) })),
      ...[1, 2, 3].map(() => ({ groupId: b.id, answers: allAnswered(team, bValue) })),
    ],
  })
  return { ...h, a, b }
}
