import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { type InstrumentDefinition, instrumentStatuses } from '../../instruments/definition'
import { groupingKinds, groupKinds, teamTypes } from '../../instruments/enums'
import { oneOf } from './columns'

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull(),
  /** Who respondents may ask about a questionnaire, in the organisation's own words. */
  respondentContact: text('respondent_contact'),
  /** Set while the service's operator has suspended the organisation: no one of it signs in. */
  suspendedAt: text('suspended_at'),
})

/** Every row belongs to one organisation. */
export const organisationId = () =>
  text('organisation_id')
    .notNull()
    .references(() => organisations.id)

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
