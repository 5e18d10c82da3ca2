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
import {
  comparators,
  estimateInputs,
  metricCadences,
  metricDirections,
  metricScopes,
  objectiveStatuses,
} from '../../instruments/enums'
import { oneOf } from './columns'
import { organisationId } from './organisations'

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
