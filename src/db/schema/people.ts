import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { personStatuses, roles, shownLinkKinds } from '../../instruments/enums'
import { oneOf } from './columns'
import { groups, organisationId, organisations } from './organisations'

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
