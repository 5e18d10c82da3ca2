import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm'
import type { Db } from '../client'
import type { ListQuery } from '../json-list'
import type { Bound } from '../prepared'
import { objectiveNotes, objectives, workstreams } from '../schema'
import { type Actor, auditInsert } from './audit'

export type Workstream = typeof workstreams.$inferSelect
export type Objective = typeof objectives.$inferSelect
export type ObjectiveNote = typeof objectiveNotes.$inferSelect
export type WorkstreamChanges = Pick<Workstream, 'name' | 'purpose' | 'lead' | 'linkedDomains'>
export type ObjectiveChanges = Pick<Objective, 'title' | 'owner' | 'dueOn'>

/** The organisation's workstreams (or the one named) by name. */
export const workstreamsQuery = (organisationId: Bound, id?: Bound): ListQuery<Workstream> => ({
  fields: {
    ...getTableColumns(workstreams),
    linkedDomains: sql`json(${workstreams.linkedDomains})`,
  },
  from: sql`from ${workstreams} where ${and(
    eq(workstreams.organisationId, organisationId),
    id === undefined ? undefined : eq(workstreams.id, id),
  )}`,
  orderBy: sql`${workstreams.name}`,
})

export async function getWorkstream(db: Db, organisationId: string, id: string) {
  const [found] = await db
    .select()
    .from(workstreams)
    .where(and(eq(workstreams.organisationId, organisationId), eq(workstreams.id, id)))
  return found ?? null
}

/** A new workstream, audited; null when the name is taken (nothing stored). */
export async function createWorkstream(db: Db, actor: Actor, changes: WorkstreamChanges) {
  const id = crypto.randomUUID()
  const [inserted] = await db.batch([
    db
      .insert(workstreams)
      .values({
        id,
        organisationId: actor.organisationId,
        ...changes,
        createdAt: actor.at.toISOString(),
      })
      .onConflictDoNothing()
      .returning({ id: workstreams.id }),
    auditInsert(db, {
      ...actor,
      action: 'workstream.created',
      subjectType: 'workstream',
      subjectId: id,
      after: changes,
    }),
  ])
  return inserted.length === 1 ? id : null
}

export async function updateWorkstream(
  db: Db,
  actor: Actor,
  before: Workstream,
  changes: WorkstreamChanges,
) {
  await db.batch([
    db
      .update(workstreams)
      .set(changes)
      .where(
        and(eq(workstreams.organisationId, actor.organisationId), eq(workstreams.id, before.id)),
      ),
    auditInsert(db, {
      ...actor,
      action: 'workstream.changed',
      subjectType: 'workstream',
      subjectId: before.id,
      before: {
        name: before.name,
        purpose: before.purpose,
        lead: before.lead,
        linkedDomains: before.linkedDomains,
      },
      after: changes,
    }),
  ])
}

/** The organisation's objectives (of one workstream, or every one), by due date. */
export const objectivesQuery = (
  organisationId: Bound,
  workstreamId?: Bound,
): ListQuery<Objective> => ({
  fields: getTableColumns(objectives),
  from: sql`from ${objectives} where ${and(
    eq(objectives.organisationId, organisationId),
    workstreamId === undefined ? undefined : eq(objectives.workstreamId, workstreamId),
  )}`,
  orderBy: sql`${objectives.dueOn}, ${objectives.title}`,
})

export async function getObjective(db: Db, organisationId: string, id: string) {
  const [found] = await db
    .select()
    .from(objectives)
    .where(and(eq(objectives.organisationId, organisationId), eq(objectives.id, id)))
  return found ?? null
}

/** An objective's notes of progress, oldest first. */
export async function listObjectiveNotes(db: Db, organisationId: string, objectiveId: string) {
  return db
    .select()
    .from(objectiveNotes)
    .where(
      and(
        eq(objectiveNotes.organisationId, organisationId),
        eq(objectiveNotes.objectiveId, objectiveId),
      ),
    )
    .orderBy(asc(objectiveNotes.notedOn))
}

export async function createObjective(
  db: Db,
  actor: Actor,
  workstreamId: string,
  changes: ObjectiveChanges,
) {
  const id = crypto.randomUUID()
  await db.batch([
    db.insert(objectives).values({
      id,
      organisationId: actor.organisationId,
      workstreamId,
      ...changes,
      status: 'not-started',
      updatedAt: actor.at.toISOString(),
    }),
    auditInsert(db, {
      ...actor,
      action: 'objective.created',
      subjectType: 'objective',
      subjectId: id,
      after: { workstreamId, ...changes },
    }),
  ])
  return id
}

/** A dated progress note with the objective's status as of then, in one batch with the status. */
export async function noteProgress(
  db: Db,
  actor: Actor,
  objective: Objective,
  note: { notedOn: string; status: Objective['status']; note: string },
) {
  await db.batch([
    db.insert(objectiveNotes).values({
      id: crypto.randomUUID(),
      organisationId: actor.organisationId,
      objectiveId: objective.id,
      ...note,
    }),
    db
      .update(objectives)
      .set({ status: note.status, updatedAt: actor.at.toISOString() })
      .where(
        and(eq(objectives.organisationId, actor.organisationId), eq(objectives.id, objective.id)),
      ),
    auditInsert(db, {
      ...actor,
      action: 'objective.progress',
      subjectType: 'objective',
      subjectId: objective.id,
      before: { status: objective.status },
      after: note,
    }),
  ])
}
