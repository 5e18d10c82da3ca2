import { and, eq, sql } from 'drizzle-orm'
import type { Instrument, Perspective } from '../../instruments/definition'
import { totalMeasure } from '../../instruments/results'
import { scoreRespondent } from '../../instruments/scoring'
import type { Db } from '../client'
import {
  answers,
  invitations,
  itemAggregates,
  respondentScores,
  responses,
  rounds,
  scoreAggregates,
} from '../schema'

import { answerMap, listAnswers, type Response, type SavedAnswer } from './responses'

/** A response completes only while it is in progress and its round is open. */
const stillInProgress = (responseId: string) =>
  sql`exists (select 1 from ${responses} join ${rounds} on ${rounds.id} = ${responses.roundId} where ${responses.id} = ${responseId} and ${responses.status} = 'in-progress' and ${rounds.status} = 'open')`

/**
 * Moves an in-progress response, its answers and its scores to a new key, in one batch: a copy under
 * the new key, its rows moved to it, the old row removed. Nothing moves unless the copy was made,
 * which needs the old one still in progress in an open round: a batch run twice, or after the
 * round closed, leaves every answer where it was.
 */
function refileStatements(db: Db, from: string, to: string) {
  const copied = sql`exists (select 1 from ${responses} where ${responses.id} = ${to})`
  return [
    db
      .insert(responses)
      .select(
        sql`select ${to}, organisation_id, round_id, group_id, perspective, kind, status, started_on, completed_on, answered, applicable from ${responses} where ${responses.id} = ${from} and ${stillInProgress(from)}`,
      ),
    db
      .update(answers)
      .set({ responseId: to })
      .where(and(eq(answers.responseId, from), copied)),
    db
      .update(respondentScores)
      .set({ responseId: to })
      .where(and(eq(respondentScores.responseId, from), copied)),
    db
      .delete(responses)
      .where(and(eq(responses.id, from), eq(responses.status, 'in-progress'), copied)),
  ]
}

/**
 * The statements that complete a response: its scores, its part of the item and score aggregates,
 * the invitation marked used, and the response marked completed. Each statement is guarded by the
 * response still being in progress, so the batch completes it once however often it is run.
 */
export function completionStatements(
  db: Db,
  instrument: Instrument,
  response: Response,
  saved: readonly SavedAnswer[],
  today: string,
  invitationHash?: string,
) {
  const score = scoreRespondent(instrument, answerMap(saved), response.perspective as Perspective)
  const scores = [
    ...score.domains.map((d) => ({ m: d.domain, s: d.score })),
    { m: totalMeasure, s: score.total },
  ]
  const { organisationId, roundId, groupId, perspective } = response
  const guard = stillInProgress(response.id)
  // A link's response is filed under a new random key as it completes: nothing kept afterwards
  // can be worked out from the link. A consensus record is the group's and keeps its key.
  const filedAs = invitationHash ? crypto.randomUUID() : response.id
  return [
    db
      .insert(respondentScores)
      .select(
        sql`select ${response.id}, json_extract(value, '$.m'), ${organisationId}, ${roundId}, ${groupId}, ${perspective}, json_extract(value, '$.s') from json_each(${JSON.stringify(scores)}) where ${guard}`,
      ),
    db
      .insert(itemAggregates)
      .select(
        sql`select ${organisationId}, ${roundId}, ${groupId}, ${perspective}, link_id, value is not null, coalesce(value, 0), coalesce(value * value, 0), coalesce(special = 'NA', 0), coalesce(special = 'DK', 0) from ${answers} where response_id = ${response.id} and (value is not null or special is not null) and ${guard}`,
      )
      .onConflictDoUpdate({
        target: [
          itemAggregates.roundId,
          itemAggregates.groupId,
          itemAggregates.perspective,
          itemAggregates.linkId,
        ],
        set: {
          n: sql`${itemAggregates.n} + excluded.n`,
          sum: sql`${itemAggregates.sum} + excluded.sum`,
          sumOfSquares: sql`${itemAggregates.sumOfSquares} + excluded.sum_of_squares`,
          naCount: sql`${itemAggregates.naCount} + excluded.na_count`,
          dkCount: sql`${itemAggregates.dkCount} + excluded.dk_count`,
        },
      }),
    db
      .insert(scoreAggregates)
      .select(
        sql`select ${organisationId}, ${roundId}, ${groupId}, ${perspective}, measure, score is not null, coalesce(score, 0), coalesce(score * score, 0), score is null from ${respondentScores} where response_id = ${response.id} and ${guard}`,
      )
      .onConflictDoUpdate({
        target: [
          scoreAggregates.roundId,
          scoreAggregates.groupId,
          scoreAggregates.perspective,
          scoreAggregates.measure,
        ],
        set: {
          n: sql`${scoreAggregates.n} + excluded.n`,
          sum: sql`${scoreAggregates.sum} + excluded.sum`,
          sumOfSquares: sql`${scoreAggregates.sumOfSquares} + excluded.sum_of_squares`,
          insufficient: sql`${scoreAggregates.insufficient} + excluded.insufficient`,
        },
      }),
    ...(invitationHash
      ? [
          db
            .update(invitations)
            .set({ used: true })
            .where(
              and(
                eq(invitations.organisationId, organisationId),
                eq(invitations.tokenHash, invitationHash),
                eq(invitations.used, false),
                guard,
              ),
            ),
          ...refileStatements(db, response.id, filedAs),
        ]
      : []),
    db
      .update(responses)
      .set({
        status: 'completed',
        completedOn: today,
        answered: score.answered,
        applicable: score.applicable,
      })
      .where(
        and(
          eq(responses.organisationId, organisationId),
          eq(responses.id, filedAs),
          eq(responses.status, 'in-progress'),
          stillInProgress(filedAs),
        ),
      )
      .returning({ id: responses.id }),
  ] as const
}

/**
 * Completes a response once, with its scores and aggregates in the same batch, so that results
 * never scan answers. Returns false when it had already been completed.
 */
export async function completeResponse(
  db: Db,
  instrument: Instrument,
  response: Response,
  today: string,
  invitationHash?: string,
  answers?: readonly SavedAnswer[],
): Promise<boolean> {
  const saved = answers ?? (await listAnswers(db, response))
  const statements = completionStatements(db, instrument, response, saved, today, invitationHash)
  const results = await db.batch(statements)
  const completed = results[results.length - 1] as { id: string }[]
  return completed.length === 1
}
