import { and, asc, eq, sql } from 'drizzle-orm'
import type { responseKinds } from '../../instruments/enums'
import type { AnswerValue } from '../../instruments/scoring'
import { insertSlices } from '../chunks'
import type { Db } from '../client'
import { preparedOnce, slot } from '../prepared'
import { answers, invitations, responses } from '../schema'

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
