import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import type { Distribution } from '../../instruments/network'
import { organisations } from './organisations'
import { people } from './people'

/**
 * The network store: what a network of organisations holds, apart from any member's own data, so
 * that it can move to a database of its own. It keeps memberships and each frozen period's
 * distributions, never a member's figure.
 */
export const networks = sqliteTable(
  'networks',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The least number of organisations behind a network figure (5 by default, never below 3). */
    kOrg: integer('k_org').notNull(),
    /** How long each benchmark period is, in months: 3, 6 (the default) or 12. */
    periodMonths: integer('period_months').notNull().default(6),
    /** The coordinator: a person of any organisation on the service, not necessarily a member. */
    coordinatorOrganisationId: text('coordinator_organisation_id')
      .notNull()
      .references(() => organisations.id),
    coordinatorId: text('coordinator_id')
      .notNull()
      .references(() => people.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('networks_name_idx').on(t.name),
    check('networks_k_org_check', sql`k_org >= 3`),
    check('networks_period_months_check', sql`period_months in (3, 6, 12)`),
  ],
)

/** A row of one network about one organisation. */
const networkAndOrganisation = () => ({
  id: text('id').primaryKey(),
  networkId: text('network_id')
    .notNull()
    .references(() => networks.id),
  organisationId: text('organisation_id')
    .notNull()
    .references(() => organisations.id),
})

/** An organisation's membership of a network, from the day its admin accepted until it left. */
export const networkMemberships = sqliteTable(
  'network_memberships',
  {
    ...networkAndOrganisation(),
    joinedAt: text('joined_at').notNull(),
    leftAt: text('left_at'),
  },
  (t) => [
    uniqueIndex('network_memberships_current_idx')
      .on(t.networkId, t.organisationId)
      .where(sql`left_at is null`),
    index('network_memberships_organisation_idx').on(t.organisationId),
  ],
)

/** The coordinator's invitation to an organisation, until its admin accepts or declines it. */
export const networkInvitations = sqliteTable(
  'network_invitations',
  {
    ...networkAndOrganisation(),
    invitedAt: text('invited_at').notNull(),
    answeredAt: text('answered_at'),
    accepted: integer('accepted', { mode: 'boolean' }),
  },
  (t) => [
    uniqueIndex('network_invitations_open_idx')
      .on(t.networkId, t.organisationId)
      .where(sql`answered_at is null`),
  ],
)

/**
 * A benchmark period, frozen once: each measure's distribution over the organisations that were
 * members at that moment. Never changed, so that no later membership can be differenced out.
 */
export const networkPeriods = sqliteTable(
  'network_periods',
  {
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id),
    period: text('period').notNull(),
    frozenAt: text('frozen_at').notNull(),
    /** Members at the freeze, and how many of them contributed figures. */
    members: integer('members').notNull(),
    contributing: integer('contributing').notNull(),
    distributions: text('distributions', { mode: 'json' })
      .$type<Record<string, Distribution>>()
      .notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.period] })],
)
