import { and, eq, isNotNull, ne } from 'drizzle-orm'
import type { Db } from '../client'
import { answers, hiddenComments, responses } from '../schema'
import { hashToken } from '../tokens'
import { type Actor, auditInsertIfChanged } from './audit'

/** A comment as results show it: the question it was left on, never who left it or their answers. */
export type Comment = { key: string; linkId: string; text: string; hidden: boolean }

/** The key a comment is hidden by: a digest of its answer, which groups nothing by person. */
const commentKey = (responseId: string, linkId: string) =>
  hashToken(`comment:${responseId}:${linkId}`)

/** Fisher–Yates with the platform's random numbers: a new order at every reading. */
function shuffled<T>(items: T[]): T[] {
  const random = new Uint32Array(items.length)
  crypto.getRandomValues(random)
  for (let i = items.length - 1; i > 0; i--) {
    const j = (random[i] as number) % (i + 1)
    ;[items[i], items[j]] = [items[j] as T, items[i] as T]
  }
  return items
}

/**
 * The comments left in a group's completed responses at a round, shuffled, each with its question
 * only; those an admin hid are marked (and left out unless asked for).
 */
export async function listComments(
  db: Db,
  organisationId: string,
  roundId: string,
  groupId: string,
  { withHidden = false }: { withHidden?: boolean } = {},
): Promise<Comment[]> {
  const [rows, hidden] = await Promise.all([
    db
      .select({ responseId: answers.responseId, linkId: answers.linkId, text: answers.comment })
      .from(answers)
      .innerJoin(responses, eq(responses.id, answers.responseId))
      .where(
        and(
          eq(answers.organisationId, organisationId),
          eq(responses.organisationId, organisationId),
          eq(responses.roundId, roundId),
          eq(responses.groupId, groupId),
          eq(responses.status, 'completed'),
          ne(responses.kind, 'consensus'),
          isNotNull(answers.comment),
        ),
      ),
    db
      .select({ key: hiddenComments.commentKey })
      .from(hiddenComments)
      .where(
        and(eq(hiddenComments.organisationId, organisationId), eq(hiddenComments.roundId, roundId)),
      ),
  ])
  const hiddenKeys = new Set(hidden.map((h) => h.key))
  const comments = await Promise.all(
    rows.map(async (row) => {
      const key = await commentKey(row.responseId, row.linkId)
      return { key, linkId: row.linkId, text: row.text ?? '', hidden: hiddenKeys.has(key) }
    }),
  )
  return shuffled(comments.filter((c) => withHidden || !c.hidden))
}

/**
 * Hides a comment from results, with its audit entry (the question, never the words), once: hiding
 * it again changes and records nothing.
 */
export async function hideComment(
  db: Db,
  actor: Actor,
  round: { id: string },
  comment: Pick<Comment, 'key' | 'linkId'>,
) {
  await db.batch([
    db
      .insert(hiddenComments)
      .values({
        organisationId: actor.organisationId,
        roundId: round.id,
        commentKey: comment.key,
        hiddenBy: actor.actorId,
        hiddenOn: actor.at.toISOString().slice(0, 10),
      })
      .onConflictDoNothing(),
    auditInsertIfChanged(db, {
      ...actor,
      action: 'comment.hidden',
      subjectType: 'round',
      subjectId: round.id,
      after: { question: comment.linkId },
    }),
  ])
}
