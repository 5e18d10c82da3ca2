import { and, eq, inArray } from 'drizzle-orm'
import type { ItemSums, ScoreSums } from '../../instruments/results'
import { chunksOf } from '../chunks'
import type { Db } from '../client'
import { itemAggregates, scoreAggregates } from '../schema'

export type GroupScoreSums = ScoreSums & { roundId: string; groupId: string }

/**
 * The score sums of these rounds: every group's, or one group's; every measure, or one (such as
 * the total). Results come from these, never from the answers.
 */
export async function scoreSums(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  { measure, groupId }: { measure?: string; groupId?: string } = {},
): Promise<GroupScoreSums[]> {
  const rows: GroupScoreSums[] = []
  for (const ids of chunksOf(roundIds, 90)) {
    rows.push(
      ...(await db
        .select({
          roundId: scoreAggregates.roundId,
          groupId: scoreAggregates.groupId,
          perspective: scoreAggregates.perspective,
          measure: scoreAggregates.measure,
          n: scoreAggregates.n,
          sum: scoreAggregates.sum,
          sumOfSquares: scoreAggregates.sumOfSquares,
          insufficient: scoreAggregates.insufficient,
        })
        .from(scoreAggregates)
        .where(
          and(
            eq(scoreAggregates.organisationId, organisationId),
            inArray(scoreAggregates.roundId, ids),
            measure === undefined ? undefined : eq(scoreAggregates.measure, measure),
            groupId === undefined ? undefined : eq(scoreAggregates.groupId, groupId),
          ),
        )),
    )
  }
  return rows
}

/** One group's item sums at one round, every perspective. */
export async function itemSums(
  db: Db,
  organisationId: string,
  roundId: string,
  groupId: string,
): Promise<ItemSums[]> {
  return db
    .select({
      perspective: itemAggregates.perspective,
      linkId: itemAggregates.linkId,
      n: itemAggregates.n,
      sum: itemAggregates.sum,
      sumOfSquares: itemAggregates.sumOfSquares,
      naCount: itemAggregates.naCount,
      dkCount: itemAggregates.dkCount,
    })
    .from(itemAggregates)
    .where(
      and(
        eq(itemAggregates.organisationId, organisationId),
        eq(itemAggregates.roundId, roundId),
        eq(itemAggregates.groupId, groupId),
      ),
    )
}
