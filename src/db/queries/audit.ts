import { and, count, desc, eq, gte } from 'drizzle-orm'
import type { Db } from '../client'
import { auditLog } from '../schema'

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

export async function countRecentEntries(
  db: Db,
  organisationId: string,
  action: string,
  subjectId: string,
  since: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organisationId, organisationId),
        eq(auditLog.action, action),
        eq(auditLog.subjectId, subjectId),
        gte(auditLog.at, since.toISOString()),
      ),
    )
  return row?.n ?? 0
}

export async function listAuditEntries(db: Db, organisationId: string, limit = 50) {
  return db
    .select()
    .from(auditLog)
    .where(eq(auditLog.organisationId, organisationId))
    .orderBy(desc(auditLog.at))
    .limit(limit)
}
