import { and, asc, eq, sql } from 'drizzle-orm'
import type { Instrument, Perspective } from '../../instruments/definition'
import { type AnswerValue, scoreRespondent } from '../../instruments/scoring'
import { rowsPerStatement } from '../chunks'
import type { Db } from '../client'
import {
  answers,
  invitations,
  itemAggregates,
  respondentScores,
  type responseKinds,
  responses,
  roundGroups,
  roundResults,
  rounds,
  scoreAggregates,
} from '../schema'

export type ResponseKind = (typeof responseKinds)[number]
export type Response = typeof responses.$inferSelect
export type SavedAnswer = {
  linkId: string
  value: AnswerValue | null
  comment: string | null
  dissent?: string | null
}

/** What a response is for: one group and perspective of one round, in one organisation. */
export type ResponseScope = {
  organisationId: string
  roundId: string
  groupId: string
  perspective: string
}

/** The measure under which a respondent's total is kept beside their domain scores. */
export const totalMeasure = 'total'

/** A response to start, or to add answers to: its id, what it is for, and the date it began. */
export type ResponseTarget = ResponseScope & { id: string; kind: ResponseKind; startedOn: string }

/** Starts the response, unless it was started before: an id makes one response only. */
const startStatement = (db: Db, target: ResponseTarget) =>
  db
    .insert(responses)
    .values({
      id: target.id,
      organisationId: target.organisationId,
      roundId: target.roundId,
      groupId: target.groupId,
      perspective: target.perspective,
      kind: target.kind,
      status: 'in-progress',
      startedOn: target.startedOn,
    })
    .onConflictDoNothing({ target: responses.id })

export async function findResponse(
  db: Db,
  organisationId: string,
  responseId: string,
): Promise<Response | null> {
  const [found] = await db
    .select()
    .from(responses)
    .where(and(eq(responses.organisationId, organisationId), eq(responses.id, responseId)))
  return found ?? null
}

const toColumns = (answer: AnswerValue | null) => ({
  value: typeof answer === 'number' ? answer : null,
  special: answer === 'NA' || answer === 'DK' ? answer : null,
})

/**
 * Saves answers, each replacing the item's earlier answer, starting the response first if it has
 * not been: one batch of statements within D1's parameter limit. A submitted response refuses
 * them (a trigger), and the whole batch with them.
 */
export async function saveAnswers(db: Db, target: ResponseTarget, saved: readonly SavedAnswer[]) {
  const rows = saved.map((a) => ({
    responseId: target.id,
    linkId: a.linkId,
    organisationId: target.organisationId,
    ...toColumns(a.value),
    comment: a.comment || null,
    dissent: a.dissent || null,
  }))
  await db.batch([
    startStatement(db, target),
    ...rowsPerStatement(rows, 7).map((chunk) =>
      db
        .insert(answers)
        .values(chunk)
        .onConflictDoUpdate({
          target: [answers.responseId, answers.linkId],
          set: {
            value: sql`excluded.value`,
            special: sql`excluded.special`,
            comment: sql`excluded.comment`,
            dissent: sql`excluded.dissent`,
          },
        }),
    ),
  ])
}

export async function listAnswers(db: Db, response: Response): Promise<SavedAnswer[]> {
  const rows = await db
    .select()
    .from(answers)
    .where(
      and(eq(answers.organisationId, response.organisationId), eq(answers.responseId, response.id)),
    )
    .orderBy(asc(answers.linkId))
  return rows.map((row) => ({
    linkId: row.linkId,
    value: row.special ?? row.value,
    comment: row.comment,
    dissent: row.dissent,
  }))
}

export const answerMap = (saved: readonly SavedAnswer[]) =>
  Object.fromEntries(
    saved.flatMap((a) => (a.value === null ? [] : [[a.linkId, a.value] as const])),
  ) as Record<string, AnswerValue>

/** A response completes only while it is in progress and its round is open. */
const stillInProgress = (responseId: string) =>
  sql`exists (select 1 from ${responses} join ${rounds} on ${rounds.id} = ${responses.roundId} where ${responses.id} = ${responseId} and ${responses.status} = 'in-progress' and ${rounds.status} = 'open')`

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
        and(eq(responses.organisationId, organisationId), eq(responses.id, response.id), guard),
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

/** Per group of a consensus round, whether its record is in progress or completed. */
export async function consensusStates(db: Db, organisationId: string, roundId: string) {
  const rows = await db
    .select({ groupId: responses.groupId, status: responses.status })
    .from(responses)
    .where(
      and(
        eq(responses.organisationId, organisationId),
        eq(responses.roundId, roundId),
        eq(responses.kind, 'consensus'),
      ),
    )
  return new Map(rows.map((r) => [r.groupId, r.status]))
}

/**
 * The statement that keeps a closed round's results, one row per group, from its aggregates: run
 * in the batch that closes the round, after which nothing more can complete. Safe to repeat.
 */
export function resultsSnapshot(db: Db, organisationId: string, roundId: string) {
  const ofGroup = (table: string) =>
    sql.raw(`${table}.round_id = rg.round_id and ${table}.group_id = rg.group_id`)
  return db
    .insert(roundResults)
    .select(
      sql`select rg.organisation_id, rg.round_id, rg.group_id,
        coalesce((select sum(s.n) + sum(s.insufficient) from ${scoreAggregates} s where ${ofGroup('s')} and s.measure = 'total'), 0),
        coalesce((select sum(s.n) from ${scoreAggregates} s where ${ofGroup('s')} and s.measure = 'total'), 0),
        coalesce((select sum(s.sum) from ${scoreAggregates} s where ${ofGroup('s')} and s.measure = 'total'), 0),
        coalesce((select json_group_array(json_array(s.perspective, s.measure, s.n, s.sum, s.sum_of_squares, s.insufficient)) from ${scoreAggregates} s where ${ofGroup('s')}), '[]'),
        coalesce((select json_group_array(json_array(link_id, n, sum, sum_of_squares, na_count, dk_count)) from (select i.link_id, sum(i.n) as n, sum(i.sum) as sum, sum(i.sum_of_squares) as sum_of_squares, sum(i.na_count) as na_count, sum(i.dk_count) as dk_count from ${itemAggregates} i where ${ofGroup('i')} group by i.link_id)), '[]')
      from ${roundGroups} rg
      where rg.organisation_id = ${organisationId} and rg.round_id = ${roundId}
        and exists (select 1 from ${rounds} where ${rounds.id} = ${roundId} and ${rounds.status} = 'closed')`,
    )
    .onConflictDoNothing()
}
