import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import { figureKinds, priorityStatuses } from '../../instruments/enums'
import { oneOf } from './columns'
import { groups, organisationId } from './organisations'
import { people } from './people'
import { responses, rounds } from './rounds'

const runningSums = () => ({
  n: integer('n').notNull(),
  sum: real('sum').notNull(),
  sumOfSquares: real('sum_of_squares').notNull(),
})

/** Per round, group, perspective and item, the running sums results are computed from. */
export const itemAggregates = sqliteTable(
  'item_aggregates',
  {
    organisationId: organisationId(),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    perspective: text('perspective').notNull(),
    linkId: text('link_id').notNull(),
    ...runningSums(),
    naCount: integer('na_count').notNull(),
    dkCount: integer('dk_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.groupId, t.perspective, t.linkId] })],
)

/** A completed respondent's scores on 0–100: one row per domain and one for the total. */
export const respondentScores = sqliteTable(
  'respondent_scores',
  {
    responseId: text('response_id')
      .notNull()
      .references(() => responses.id),
    /** A domain key, or `total`. */
    measure: text('measure').notNull(),
    organisationId: organisationId(),
    roundId: text('round_id').notNull(),
    groupId: text('group_id').notNull(),
    perspective: text('perspective').notNull(),
    /** Null when insufficient items (or domains) were valid. */
    score: real('score'),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.measure] }),
    index('respondent_scores_round_idx').on(t.organisationId, t.roundId, t.groupId),
  ],
)

/** Per round, group, perspective and measure, the running sums of respondents' scores. */
export const scoreAggregates = sqliteTable(
  'score_aggregates',
  {
    organisationId: organisationId(),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    perspective: text('perspective').notNull(),
    measure: text('measure').notNull(),
    ...runningSums(),
    insufficient: integer('insufficient').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.groupId, t.perspective, t.measure] })],
)

/**
 * A team's action plan after a round: up to three priorities, each a domain or an item to work on,
 * with the actions, an owner and a due date; reviewed at the next round.
 */
export const actionPriorities = sqliteTable(
  'action_priorities',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id),
    rank: integer('rank').notNull(),
    /** A domain key or an item's linkId of the round's instrument. */
    focus: text('focus').notNull(),
    actions: text('actions').notNull(),
    owner: text('owner').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: priorityStatuses }).notNull(),
    review: text('review'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('action_priorities_rank_idx').on(t.groupId, t.roundId, t.rank),
    check('action_priorities_rank_check', sql`rank between 1 and 3`),
    check('action_priorities_status_check', oneOf('status', priorityStatuses)),
  ],
)

/**
 * A closed round's results as kept at close (a table without rowid, stored in the order of its
 * key, so a round's figures lie together), from the aggregates in the batch that closes the round
 * (after which nothing more can complete), and never changed: one row per group, perspective (and
 * every perspective together, `all`) and figure. For `responses` n counts completed responses; for
 * `total` and `domain` (key: the domain's key) n counts respondents with a score and `insufficient`
 * those without; for `item` (key: the linkId) n counts valid answers, on the item's own scale.
 */
export const roundFigures = sqliteTable(
  'round_figures',
  {
    organisationId: organisationId(),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    perspective: text('perspective').notNull(),
    kind: text('kind', { enum: figureKinds }).notNull(),
    key: text('key').notNull(),
    ...runningSums(),
    insufficient: integer('insufficient').notNull(),
    naCount: integer('na_count').notNull(),
    dkCount: integer('dk_count').notNull(),
  },
  (t) => {
    /** What a figure holds, carried in each index so that its reads never touch the table. */
    const held = [t.n, t.sum, t.sumOfSquares, t.insufficient, t.naCount, t.dkCount] as const
    return [
      primaryKey({
        columns: [t.organisationId, t.roundId, t.groupId, t.perspective, t.kind, t.key],
      }),
      /**
       * Covering reads of one kind of figure (totals, domain scores) across some or every round:
       * the table is kept in the order of its key (without rowid), so a round's or a group's
       * figures within a round read in order, and these read without touching it.
       */
      index('round_figures_kind_idx').on(
        t.organisationId,
        t.perspective,
        t.kind,
        t.roundId,
        t.key,
        ...held,
      ),
      /**
       * Covering reads of every group's figures of everyone together at one round, group by
       * group (a comparison's): only those rows, already in the order they are grouped in.
       */
      index('round_figures_whole_idx')
        .on(t.organisationId, t.roundId, t.groupId, t.kind, t.key, ...held)
        .where(sql`perspective = 'all'`),
      check('round_figures_kind_check', oneOf('kind', figureKinds)),
    ]
  },
)

/**
 * What a comparison of two closed rounds reads of a group at one of them (rules 8 and 9): its
 * figures of everyone together (response count, total, questions) as one JSON array of
 * [kind, key, n, sum, sum of squares], kept from round_figures by the batch that closes the round
 * and, like them, never changed after.
 */
export const comparedFigures = sqliteTable(
  'compared_figures',
  {
    organisationId: organisationId(),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    figures: text('figures').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.roundId, t.groupId] })],
)

/**
 * A comment an admin has hidden from results because it identifies someone: the comment is kept
 * with its response; only this key, a digest of the answer it belongs to, marks it hidden.
 */
export const hiddenComments = sqliteTable(
  'hidden_comments',
  {
    organisationId: organisationId(),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id),
    commentKey: text('comment_key').notNull(),
    hiddenBy: text('hidden_by')
      .notNull()
      .references(() => people.id),
    hiddenOn: text('hidden_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.roundId, t.commentKey] })],
)
