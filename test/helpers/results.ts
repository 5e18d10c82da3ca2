import type { Db } from '../../src/db/client'
import { importHistory } from '../../src/db/queries/history'
import type { Instrument, Perspective } from '../../src/instruments/definition'
import type { AnswerValue } from '../../src/instruments/scoring'

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
