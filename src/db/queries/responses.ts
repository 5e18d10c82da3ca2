import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import type { Instrument, Perspective } from '../../instruments/definition'
import {
  allPerspectives,
  comparedKinds,
  type FigureKind,
  totalMeasure,
} from '../../instruments/results'
import { type AnswerValue, scoreRespondent } from '../../instruments/scoring'
import { insertSlices } from '../chunks'
import type { Db } from '../client'
import { preparedOnce, slot } from '../prepared'
import {
  answers,
  comparedFigures,
  invitations,
  itemAggregates,
  respondentScores,
  type responseKinds,
  responses,
  roundFigures,
  roundGroups,
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

/**
 * A response to start, or to add answers to: its id, what it is for, the date it began, for a
 * link's response the link's digest (a used link starts nothing), and whether it was found begun.
 */
export type ResponseTarget = ResponseScope & {
  id: string
  kind: ResponseKind
  startedOn: string
  invitationHash?: string | undefined
  started?: boolean
}

/** Starts the response, unless it was started before or its link was used: one response a link. */
const startStatement = (db: Db, target: ResponseTarget) =>
  db
    .insert(responses)
    .select(
      sql`select ${target.id}, ${target.organisationId}, ${target.roundId}, ${target.groupId}, ${target.perspective}, ${target.kind}, 'in-progress', ${target.startedOn}, null, null, null
        where not exists (select 1 from ${invitations} where ${invitations.tokenHash} = ${target.invitationHash ?? null} and ${invitations.used})`,
    )
    .onConflictDoNothing({ target: responses.id })

export async function getResponse(
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

/** The words of the trigger that refuses answers to a response not in progress. */
const notInProgress = 'answers are saved only into a response in progress'
const refusedAsClosed = (error: unknown): boolean =>
  error instanceof Error && (error.message.includes(notInProgress) || refusedAsClosed(error.cause))

const replacingAnswer = {
  target: [answers.responseId, answers.linkId],
  set: {
    value: sql`excluded.value`,
    special: sql`excluded.special`,
    comment: sql`excluded.comment`,
    dissent: sql`excluded.dissent`,
  },
}

/** One answer into a response begun, as a respondent's every autosave is: compiled once. */
const saveOneStatement = preparedOnce((db) =>
  db
    .insert(answers)
    .values({
      responseId: slot('responseId'),
      linkId: slot('linkId'),
      organisationId: slot('organisationId'),
      value: slot('value'),
      special: slot('special'),
      comment: slot('comment'),
      dissent: slot('dissent'),
    })
    .onConflictDoUpdate(replacingAnswer)
    .prepare(),
)

/**
 * Saves answers, each replacing the item's earlier answer, starting the response first if it was
 * not found begun: one batch of statements within D1's parameter limit, or one statement alone
 * (an answer saved into a response begun). A submitted response refuses them (a trigger), and the
 * whole batch with them: then false, and nothing is saved.
 */
export async function saveAnswers(
  db: Db,
  target: ResponseTarget,
  saved: readonly SavedAnswer[],
): Promise<boolean> {
  const rows = saved.map((a) => ({
    responseId: target.id,
    linkId: a.linkId,
    organisationId: target.organisationId,
    ...toColumns(a.value),
    comment: a.comment || null,
    dissent: a.dissent || null,
  }))
  const [only] = rows
  const statements = () => [
    ...(target.started ? [] : [startStatement(db, target)]),
    ...insertSlices(answers, rows).map((chunk) =>
      db.insert(answers).values(chunk).onConflictDoUpdate(replacingAnswer),
    ),
  ]
  try {
    if (only && rows.length === 1 && target.started) await saveOneStatement(db).run(only)
    else {
      const [first, ...rest] = statements()
      if (first) await (rest.length === 0 ? first : db.batch([first, ...rest]))
    }
    return true
  } catch (error) {
    // Submitted (or submitted and filed away) since the page was loaded.
    if (refusedAsClosed(error)) return false
    throw error
  }
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

const kindOfMeasure = sql.raw(`case measure when '${totalMeasure}' then 'total' else 'domain' end`)
const keyOfMeasure = sql.raw(`case measure when '${totalMeasure}' then '' else measure end`)

/**
 * What a round's figures are kept from, one part a statement (D1 takes few terms in a compound
 * select): each part's kinds, whether it is of every perspective together, and its select.
 */
const keptParts = (
  ofRound: (alias: string) => SQL,
): { kinds: FigureKind[]; whole: boolean; select: SQL }[] => [
  {
    kinds: ['responses'],
    whole: true,
    select: sql`select rg.organisation_id, rg.round_id, rg.group_id, ${allPerspectives}, 'responses', '',
      coalesce((select sum(s.n + s.insufficient) from ${scoreAggregates} s
        where s.round_id = rg.round_id and s.group_id = rg.group_id and s.measure = ${totalMeasure}), 0),
      0, 0, 0, 0, 0
      from ${roundGroups} rg where ${ofRound('rg.')}`,
  },
  {
    kinds: ['responses'],
    whole: false,
    select: sql`select organisation_id, round_id, group_id, perspective, 'responses', '', n + insufficient, 0, 0, 0, 0, 0
      from ${scoreAggregates} where ${ofRound('')} and measure = ${totalMeasure}`,
  },
  {
    kinds: ['total', 'domain'],
    whole: false,
    select: sql`select organisation_id, round_id, group_id, perspective, ${kindOfMeasure}, ${keyOfMeasure},
      n, sum, sum_of_squares, insufficient, 0, 0
      from ${scoreAggregates} where ${ofRound('')}`,
  },
  {
    kinds: ['total', 'domain'],
    whole: true,
    select: sql`select organisation_id, round_id, group_id, ${allPerspectives}, ${kindOfMeasure}, ${keyOfMeasure},
      sum(n), sum(sum), sum(sum_of_squares), sum(insufficient), 0, 0
      from ${scoreAggregates} where ${ofRound('')} group by round_id, group_id, measure`,
  },
  {
    kinds: ['item'],
    whole: false,
    select: sql`select organisation_id, round_id, group_id, perspective, 'item', link_id,
      n, sum, sum_of_squares, 0, na_count, dk_count
      from ${itemAggregates} where ${ofRound('')}`,
  },
  {
    kinds: ['item'],
    whole: true,
    select: sql`select organisation_id, round_id, group_id, ${allPerspectives}, 'item', link_id,
      sum(n), sum(sum), sum(sum_of_squares), 0, sum(na_count), sum(dk_count)
      from ${itemAggregates} where ${ofRound('')} group by round_id, group_id, link_id`,
  },
]

/**
 * The statements that keep a closed round's figures from its aggregates: run in the batch that
 * closes the round, after which nothing more can complete. Safe to repeat: each part is kept only
 * when none of it is yet (and the database refuses any change to kept figures): per group (and 0
 * for a group nobody answered), per perspective and every perspective together, the completed
 * responses, the score sums and the item sums.
 */
export function figuresSnapshot(db: Db, organisationId: string, roundId: string) {
  const ofRound = (alias: string) =>
    sql`${sql.raw(alias)}organisation_id = ${organisationId} and ${sql.raw(alias)}round_id = ${roundId}`
  const closed = sql`exists (select 1 from ${rounds} where ${rounds.id} = ${roundId} and ${rounds.organisationId} = ${organisationId} and ${rounds.status} = 'closed')`
  return [
    ...keptParts(ofRound).map(({ kinds, whole, select }) =>
      db.insert(roundFigures).select(
        sql`select * from (${select})
        where ${closed}
          and not exists (select 1 from ${roundFigures} where ${roundFigures.organisationId} = ${organisationId} and ${roundFigures.roundId} = ${roundId}
            and ${inArray(roundFigures.kind, kinds)} and (${roundFigures.perspective} = ${allPerspectives}) = ${whole ? 1 : 0})`,
      ),
    ),
    db.insert(comparedFigures).select(
      sql`select organisation_id, round_id, group_id,
          json_group_array(json_array(kind, key, n, sum, sum_of_squares))
        from (select * from ${roundFigures} where ${ofRound('')} and perspective = ${allPerspectives}
          and ${inArray(roundFigures.kind, comparedKinds)} order by group_id, kind, key)
        where ${closed}
          and not exists (select 1 from ${comparedFigures} where ${comparedFigures.organisationId} = ${organisationId} and ${comparedFigures.roundId} = ${roundId})
        group by group_id`,
    ),
  ]
}
