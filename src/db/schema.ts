import { sql } from 'drizzle-orm'
import { check, index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

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
