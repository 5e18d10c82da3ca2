import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The service operator's one-time sign-in links, by the SHA-256 of their token, each for the
 * operator's email as it was configured when the link was made; times in ms since the epoch.
 */
export const operatorTokens = sqliteTable('operator_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  email: text('email').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
})

/** The operator's sessions, by the SHA-256 of their token; times in ms since the epoch. */
export const operatorSessions = sqliteTable('operator_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  email: text('email').notNull(),
  createdAt: integer('created_at').notNull(),
  lastSeenAt: integer('last_seen_at').notNull(),
})
