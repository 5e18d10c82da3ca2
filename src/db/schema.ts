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
import { type InstrumentDefinition, instrumentStatuses } from '../instruments/definition'

/** A CHECK that a column holds one of an enum's values, written from the enum itself. */
const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`)

export const groupKinds = ['executive', 'team'] as const
export const teamTypes = [
  'inpatient',
  'community',
  'crisis',
  'rehabilitation',
  'specialist',
  'other',
] as const

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull(),
  /** Who respondents may ask about a questionnaire, in the organisation's own words. */
  respondentContact: text('respondent_contact'),
})

/** Every row belongs to one organisation. */
const organisationId = () =>
  text('organisation_id')
    .notNull()
    .references(() => organisations.id)

export const groupingKinds = ['service-line', 'locality'] as const

/** Service lines and localities: what teams roll up to. */
export const groupings = sqliteTable(
  'groupings',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    kind: text('kind', { enum: groupingKinds }).notNull(),
    name: text('name').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('groupings_name_idx').on(t.organisationId, t.name),
    check('groupings_kind_check', oneOf('kind', groupingKinds)),
  ],
)

export const groups = sqliteTable(
  'groups',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    kind: text('kind', { enum: groupKinds }).notNull(),
    name: text('name').notNull(),
    teamType: text('team_type', { enum: teamTypes }),
    createdAt: text('created_at').notNull(),
    /** The service line or locality a team rolls up to. */
    groupingId: text('grouping_id').references(() => groupings.id),
    /** The team this one continues after a merge, split or rename. */
    predecessorId: text('predecessor_id'),
    archivedAt: text('archived_at'),
  },
  (t) => [
    index('groups_organisation_idx').on(t.organisationId, t.kind),
    uniqueIndex('groups_one_executive_idx').on(t.organisationId).where(sql`kind = 'executive'`),
    check('groups_kind_check', oneOf('kind', groupKinds)),
    check(
      'groups_team_type_check',
      sql`(kind = 'executive' and team_type is null) or (kind = 'team' and ${oneOf('team_type', teamTypes)})`,
    ),
  ],
)

/** Instruments an organisation owns (imported or versioned by it); built-ins live in code. */
export const instruments = sqliteTable(
  'instruments',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    slug: text('slug').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: instrumentStatuses }).notNull(),
    title: text('title').notNull(),
    definition: text('definition', { mode: 'json' }).$type<InstrumentDefinition>().notNull(),
    createdAt: text('created_at').notNull(),
    publishedAt: text('published_at'),
    retiredAt: text('retired_at'),
  },
  (t) => [
    uniqueIndex('instruments_version_idx').on(t.organisationId, t.slug, t.version),
    check('instruments_status_check', oneOf('status', instrumentStatuses)),
    check('instruments_version_check', sql`version >= 1`),
  ],
)

export const personStatuses = ['invited', 'active', 'disabled'] as const
export const roles = ['admin', 'strategy-lead', 'team-lead', 'executive', 'viewer'] as const
export type Role = (typeof roles)[number]
/** A role a person holds: across the organisation (groupId null) or for one group. */
export type Grant = { role: Role; groupId: string | null }

/** People who sign in. Email is unique across the service: it is what a person signs in with. */
export const people = sqliteTable(
  'people',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    status: text('status', { enum: personStatuses }).notNull(),
    createdAt: text('created_at').notNull(),
    /** Single sign-on: the identity provider and the person's subject there, once linked. */
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
  },
  (t) => [
    uniqueIndex('people_email_idx').on(t.email),
    uniqueIndex('people_oidc_idx').on(t.oidcIssuer, t.oidcSubject),
    index('people_organisation_idx').on(t.organisationId),
    check('people_status_check', oneOf('status', personStatuses)),
  ],
)

export const roleGrants = sqliteTable(
  'role_grants',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role', { enum: roles }).notNull(),
    /** For a team lead, the team the grant covers; null for organisation-wide roles. */
    groupId: text('group_id').references(() => groups.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('role_grants_unique_idx').on(t.personId, t.role, t.groupId),
    check('role_grants_role_check', oneOf('role', roles)),
  ],
)

/** Signed-in sessions, by the SHA-256 of their token; times in milliseconds since the epoch. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    organisationId: organisationId(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [index('sessions_person_idx').on(t.personId)],
)

/**
 * Sign-in attempts with a password that are being checked or failed, at most five a person in
 * fifteen minutes: an attempt is written before its password is checked, in one statement that
 * refuses it when five are already there, and removed when the password was right.
 */
export const signInAttempts = sqliteTable(
  'sign_in_attempts',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    at: integer('at').notNull(),
  },
  (t) => [index('sign_in_attempts_person_idx').on(t.personId, t.at)],
)

/** Append-only: who did what to configuration, with before and after (never answer values). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  (t) => [
    index('audit_log_organisation_idx').on(t.organisationId, t.at),
    index('audit_log_subject_idx').on(t.organisationId, t.action, t.subjectId, t.at),
  ],
)

/** One-time links to set a password, by the SHA-256 of their token; times in ms since the epoch. */
export const passwordTokens = sqliteTable(
  'password_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    organisationId: organisationId(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [index('password_tokens_person_idx').on(t.personId)],
)

export const shownLinkKinds = ['invitations', 'password'] as const

/**
 * Links just made, kept for the person who made them to come back to (print, download) for a
 * short time; times in ms since the epoch. Expired ones are removed when the next are made.
 */
export const shownLinks = sqliteTable(
  'shown_links',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    /** The person who made them: an id, as in the audit log. */
    madeBy: text('made_by').notNull(),
    kind: text('kind', { enum: shownLinkKinds }).notNull(),
    subjectId: text('subject_id').notNull(),
    links: text('links', { mode: 'json' })
      .$type<{ token: string; groupId?: string; perspective?: string }[]>()
      .notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    index('shown_links_organisation_idx').on(t.organisationId, t.expiresAt),
    check('shown_links_kind_check', oneOf('kind', shownLinkKinds)),
  ],
)

/** An organisation's single sign-on (OpenID Connect) settings. */
export const ssoSettings = sqliteTable('sso_settings', {
  organisationId: text('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecret: text('client_secret').notNull(),
  updatedAt: text('updated_at').notNull(),
})

/** Sign-ins under way at the identity provider, by their state; times in ms since the epoch. */
export const ssoRequests = sqliteTable('sso_requests', {
  state: text('state').primaryKey(),
  organisationId: organisationId(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  next: text('next').notNull(),
  createdAt: integer('created_at').notNull(),
})

export const roundModes = ['individual', 'consensus'] as const
export const roundStatuses = ['draft', 'open', 'closed'] as const

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

export const responseStatuses = ['in-progress', 'completed'] as const
export const responseKinds = ['individual', 'consensus', 'imported'] as const

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

export const specialAnswers = ['NA', 'DK'] as const

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

export const priorityStatuses = ['planned', 'done', 'partly-done', 'not-done'] as const

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

export const figureKinds = ['responses', 'total', 'domain', 'item'] as const

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

export const objectiveStatuses = [
  'not-started',
  'on-track',
  'at-risk',
  'off-track',
  'done',
] as const
export const metricDirections = ['higher', 'lower'] as const
export const metricScopes = ['organisation', 'team'] as const
export const metricCadences = ['monthly', 'quarterly'] as const
export const comparators = ['>=', '<=', '>', '<', '='] as const

/** A workstream of the organisation's recovery strategy: peer support, recovery college, ... */
export const workstreams = sqliteTable(
  'workstreams',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    lead: text('lead').notNull(),
    /** Domain keys of the instruments (D01...) whose scores the workstream means to move. */
    linkedDomains: text('linked_domains', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('workstreams_name_idx').on(t.organisationId, t.name)],
)

export const objectives = sqliteTable(
  'objectives',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    workstreamId: text('workstream_id')
      .notNull()
      .references(() => workstreams.id),
    title: text('title').notNull(),
    owner: text('owner').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: objectiveStatuses }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('objectives_workstream_idx').on(t.organisationId, t.workstreamId),
    check('objectives_status_check', oneOf('status', objectiveStatuses)),
  ],
)

/** Dated progress notes on an objective, each with the status it was given. */
export const objectiveNotes = sqliteTable(
  'objective_notes',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    objectiveId: text('objective_id')
      .notNull()
      .references(() => objectives.id),
    notedOn: text('noted_on').notNull(),
    status: text('status', { enum: objectiveStatuses }).notNull(),
    note: text('note').notNull(),
  },
  (t) => [index('objective_notes_objective_idx').on(t.organisationId, t.objectiveId)],
)

/**
 * A workstream's measure with its target. A per-team metric's target is met by a team when its
 * value meets the comparator and value; the metric's own target is then the share of teams
 * meeting it (coverage, a percentage) by the due date.
 */
/**
 * What the peer support estimate can take from a metric: the number of peer support workers (the
 * latest), the people they supported and their contacts (each added up over the last year).
 */
export const estimateInputs = ['peer-support-workers', 'people-supported', 'peer-contacts'] as const
export type EstimateInput = (typeof estimateInputs)[number]

export const metrics = sqliteTable(
  'metrics',
  {
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    workstreamId: text('workstream_id')
      .notNull()
      .references(() => workstreams.id),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    direction: text('direction', { enum: metricDirections }).notNull(),
    scope: text('scope', { enum: metricScopes }).notNull(),
    cadence: text('cadence', { enum: metricCadences }).notNull(),
    comparator: text('comparator', { enum: comparators }).notNull(),
    targetValue: real('target_value').notNull(),
    /** Per-team metrics: the percentage of teams that must meet the target (100 = every team). */
    coverageTarget: real('coverage_target'),
    dueOn: text('due_on').notNull(),
    baseline: real('baseline'),
    createdAt: text('created_at').notNull(),
    /** What the peer support estimate takes from this metric, where it takes anything. */
    estimateInput: text('estimate_input', { enum: estimateInputs }),
  },
  (t) => [
    uniqueIndex('metrics_name_idx').on(t.organisationId, t.name),
    index('metrics_workstream_idx').on(t.organisationId, t.workstreamId),
    check('metrics_direction_check', oneOf('direction', metricDirections)),
    check('metrics_scope_check', oneOf('scope', metricScopes)),
    check('metrics_cadence_check', oneOf('cadence', metricCadences)),
    check('metrics_comparator_check', oneOf('comparator', comparators)),
  ],
)

/**
 * A metric's value for a period (YYYY-MM, or YYYY-Qn for a quarterly metric), for the
 * organisation (group '') or one team. A corrected value replaces this one; the audit log keeps
 * what it was.
 */
export const metricValues = sqliteTable(
  'metric_values',
  {
    organisationId: organisationId(),
    metricId: text('metric_id')
      .notNull()
      .references(() => metrics.id),
    period: text('period').notNull(),
    groupId: text('group_id').notNull(),
    value: real('value').notNull(),
    note: text('note'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.metricId, t.period, t.groupId] })],
)

/**
 * Per metric and period, what its values come to: how many, their total and how many meet the
 * metric's target (teams in scope only, for a per-team metric). Kept in the batch that records
 * values, so run charts and coverage never read every team's value for every month.
 */
export const metricPeriods = sqliteTable(
  'metric_periods',
  {
    organisationId: organisationId(),
    metricId: text('metric_id')
      .notNull()
      .references(() => metrics.id),
    period: text('period').notNull(),
    valuesCount: integer('values_count').notNull(),
    total: real('total').notNull(),
    meeting: integer('meeting').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.metricId, t.period] })],
)
