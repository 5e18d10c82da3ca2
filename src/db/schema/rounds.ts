import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import {
  responseKinds,
  responseStatuses,
  roundModes,
  roundStatuses,
  specialAnswers,
} from '../../instruments/enums'
import { oneOf } from './columns'
import { groups, organisationId } from './organisations'

/**
 * An assessment round: one instrument version, a set of groups, a window, a mode, and the
 * anonymity and change thresholds, all locked when the round opens.
 */
export const rounds = sqliteTable(
  'rounds',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    name: text('name').notNull(),
    instrumentSlug: text('instrument_slug').notNull(),
    instrumentVersion: integer('instrument_version').notNull(),
    perspectives: text('perspectives', { mode: 'json' }).$type<string[]>().notNull(),
    mode: text('mode', { enum: roundModes }).notNull(),
    status: text('status', { enum: roundStatuses }).notNull(),
    opensOn: text('opens_on').notNull(),
    closesOn: text('closes_on').notNull(),
    anonymityThreshold: integer('anonymity_threshold').notNull(),
    commentThreshold: integer('comment_threshold').notNull(),
    itemMid: real('item_mid').notNull(),
    teamMid: real('team_mid').notNull(),
    createdAt: text('created_at').notNull(),
    openedAt: text('opened_at'),
    closedAt: text('closed_at'),
  },
  (t) => [
    index('rounds_organisation_idx').on(t.organisationId, t.status),
    check('rounds_mode_check', oneOf('mode', roundModes)),
    check('rounds_status_check', oneOf('status', roundStatuses)),
    check('rounds_anonymity_check', sql`anonymity_threshold >= 3`),
    check('rounds_comment_check', sql`comment_threshold >= 5`),
    check('rounds_window_check', sql`closes_on >= opens_on`),
  ],
)

export const roundGroups = sqliteTable(
  'round_groups',
  {
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    organisationId: organisationId(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.groupId] })],
)

/**
 * Single-use links for one respondent in one group of a round, by the SHA-256 of their token.
 * Nothing here names the response the link leads to: a response is found by a second digest of the
 * same token, which only the holder of the link can compute.
 */
export const invitations = sqliteTable(
  'invitations',
  {
    tokenHash: text('token_hash').primaryKey(),
    organisationId: organisationId(),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    perspective: text('perspective').notNull(),
    /** Whether a response from the link has been submitted; never when, so it cannot be matched. */
    used: integer('used', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('invitations_round_idx').on(t.organisationId, t.roundId, t.groupId)],
)

/**
 * The answers of one respondent, or one consensus, for one group in a round. No person, address,
 * browser or time of day: dates only, and an id that only the respondent's link can reproduce.
 */
export const responses = sqliteTable(
  'responses',
  {
    /**
     * For a link, a second digest of its token, which only the link reproduces; for a consensus,
     * its round and group. A second start or submission from the same link is the same response.
     */
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    perspective: text('perspective').notNull(),
    kind: text('kind', { enum: responseKinds }).notNull(),
    status: text('status', { enum: responseStatuses }).notNull(),
    startedOn: text('started_on').notNull(),
    completedOn: text('completed_on'),
    /** Coverage at completion: items answered with a rating, NA or DK, of the items asked. */
    answered: integer('answered'),
    applicable: integer('applicable'),
  },
  (t) => [
    index('responses_round_idx').on(t.organisationId, t.roundId, t.groupId, t.status),
    check('responses_status_check', oneOf('status', responseStatuses)),
    check('responses_kind_check', oneOf('kind', responseKinds)),
  ],
)

/** One answer: a scale value, or NA or DK, with an optional comment (consensus: evidence, dissent). */
export const answers = sqliteTable(
  'answers',
  {
    responseId: text('response_id')
      .notNull()
      .references(() => responses.id),
    linkId: text('link_id').notNull(),
    organisationId: organisationId(),
    value: real('value'),
    special: text('special', { enum: specialAnswers }),
    comment: text('comment'),
    dissent: text('dissent'),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.linkId] }),
    check('answers_one_value_check', sql`value is null or special is null`),
    check('answers_special_check', sql`special is null or ${oneOf('special', specialAnswers)}`),
    check('answers_comment_check', sql`length(comment) <= 2000 and length(dissent) <= 2000`),
  ],
)

/** n, Σx and Σx²: enough for a mean and standard deviation, added to as responses complete. */
