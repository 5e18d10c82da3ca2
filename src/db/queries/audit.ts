import { and, count, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { auditLog, people } from '../schema'

/** Who the audit log names for what the service's operator did in an organisation. */
export const operatorActorId = 'service-operator'

/** Who makes a change, in which organisation, and when: what every change's audit entry records. */
export type Actor = { organisationId: string; actorId: string; at: Date }

export type AuditEntry = {
  organisationId: string
  actorId: string | null
  action: string
  subjectType: string
  subjectId?: string | null
  before?: unknown
  after?: unknown
  at: Date
}

/** The insert of one audit entry, to run alone or inside the batch of the change it records. */
export function auditInsert(db: Db, entry: AuditEntry) {
  return db.insert(auditLog).values({
    id: crypto.randomUUID(),
    organisationId: entry.organisationId,
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    at: entry.at.toISOString(),
  })
}

/**
 * The audit entry of a change made by the statement just before it in the same batch, written only
 * when that statement changed a row: a repeated request changes nothing and records nothing.
 */
export function auditInsertIfChanged(db: Db, entry: AuditEntry) {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value))
  return db
    .insert(auditLog)
    .select(
      sql`select ${crypto.randomUUID()}, ${entry.organisationId}, ${entry.at.toISOString()}, ${entry.actorId}, ${entry.action}, ${entry.subjectType}, ${entry.subjectId ?? null}, ${json(entry.before)}, ${json(entry.after)} where changes() > 0`,
    )
}

export type AuditFilter = {
  action?: string | undefined
  actorId?: string | undefined
  page: number
  pageSize: number
}

/** A page of the organisation's audit log, newest first, with the actor's name and the total. */
export async function listAuditEntries(db: Db, organisationId: string, filter: AuditFilter) {
  const where = and(
    eq(auditLog.organisationId, organisationId),
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
  )
  const [total] = await db.select({ n: count() }).from(auditLog).where(where)
  const entries = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      before: auditLog.before,
      after: auditLog.after,
      actor: sql<
        string | null
      >`coalesce(${people.name}, case when ${auditLog.actorId} = ${operatorActorId} then 'The service’s operator' end)`,
    })
    .from(auditLog)
    .leftJoin(
      people,
      and(eq(people.id, auditLog.actorId), eq(people.organisationId, organisationId)),
    )
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
  return { entries, total: total?.n ?? 0 }
}

export async function listAuditActions(db: Db, organisationId: string) {
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.organisationId, organisationId))
    .orderBy(auditLog.action)
  return rows.map((r) => r.action)
}
