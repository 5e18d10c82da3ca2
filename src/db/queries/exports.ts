import { and, asc, eq, inArray } from 'drizzle-orm'
import { chunksOf } from '../chunks'
import type { Db } from '../client'
import { answers, responses } from '../schema'

/**
 * Every answer of the round's completed responses in these groups, one row each. Ordered by
 * group, perspective, item and value, never by response, so rows cannot be put back together
 * into one person's answers.
 */
export async function answersOfRound(
  db: Db,
  organisationId: string,
  roundId: string,
  groupIds: readonly string[],
) {
  const rows = []
  for (const ids of chunksOf(groupIds, 90)) {
    rows.push(
      ...(await db
        .select({
          groupId: responses.groupId,
          perspective: responses.perspective,
          linkId: answers.linkId,
          value: answers.value,
          special: answers.special,
        })
        .from(answers)
        .innerJoin(
          responses,
          and(eq(responses.id, answers.responseId), eq(responses.organisationId, organisationId)),
        )
        .where(
          and(
            eq(answers.organisationId, organisationId),
            eq(responses.roundId, roundId),
            eq(responses.status, 'completed'),
            inArray(responses.groupId, ids),
          ),
        )
        .orderBy(
          asc(responses.groupId),
          asc(responses.perspective),
          asc(answers.linkId),
          asc(answers.special),
          asc(answers.value),
        )),
    )
  }
  return rows
}

/** The round's completed consensus records, with their answers and evidence. */
export async function consensusRecords(db: Db, organisationId: string, roundId: string) {
  const records = await db
    .select()
    .from(responses)
    .where(
      and(
        eq(responses.organisationId, organisationId),
        eq(responses.roundId, roundId),
        eq(responses.kind, 'consensus'),
        eq(responses.status, 'completed'),
      ),
    )
  const given = []
  for (const record of records) {
    const rows = await db
      .select()
      .from(answers)
      .where(and(eq(answers.organisationId, organisationId), eq(answers.responseId, record.id)))
      .orderBy(asc(answers.linkId))
    given.push({
      ...record,
      answers: rows.map((a) => ({
        linkId: a.linkId,
        value: a.special ?? a.value,
        comment: a.comment,
        dissent: a.dissent,
      })),
    })
  }
  return given
}
