import { inArray, type SQL, sql } from 'drizzle-orm'
import {
  allPerspectives,
  comparedKinds,
  type FigureKind,
  totalMeasure,
} from '../../instruments/results'
import type { Db } from '../client'
import {
  comparedFigures,
  itemAggregates,
  roundFigures,
  roundGroups,
  rounds,
  scoreAggregates,
} from '../schema'

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
