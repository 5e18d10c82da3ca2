import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { InstrumentDefinition } from '../instruments/definition'

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
})

export const groups = sqliteTable(
  'groups',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: groupKinds }).notNull(),
    name: text('name').notNull(),
    teamType: text('team_type', { enum: teamTypes }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('groups_organisation_idx').on(t.organisationId, t.kind),
    uniqueIndex('groups_one_executive_idx').on(t.organisationId).where(sql`kind = 'executive'`),
    check('groups_kind_check', sql`kind in ('executive', 'team')`),
    check(
      'groups_team_type_check',
      sql`(kind = 'executive' and team_type is null) or (kind = 'team' and team_type in ('inpatient', 'community', 'crisis', 'rehabilitation', 'specialist', 'other'))`,
    ),
  ],
)

/** Instruments an organisation owns (imported or versioned by it); built-ins live in code. */
export const instruments = sqliteTable(
  'instruments',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    slug: text('slug').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'active', 'retired'] }).notNull(),
    title: text('title').notNull(),
    definition: text('definition', { mode: 'json' }).$type<InstrumentDefinition>().notNull(),
    createdAt: text('created_at').notNull(),
    publishedAt: text('published_at'),
    retiredAt: text('retired_at'),
  },
  (t) => [
    uniqueIndex('instruments_version_idx').on(t.organisationId, t.slug, t.version),
    check('instruments_status_check', sql`status in ('draft', 'active', 'retired')`),
    check('instruments_version_check', sql`version >= 1`),
  ],
)
