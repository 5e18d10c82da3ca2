import { and, asc, eq } from 'drizzle-orm'
import type { priorityStatuses } from '../../instruments/enums'
import type { Db } from '../client'
import { preparedOnce, slot } from '../prepared'
import { actionPriorities } from '../schema'
import { type Actor, auditInsert } from './audit'

export type PriorityStatus = (typeof priorityStatuses)[number]
export type PriorityChanges = {
  rank: number
  focus: string
  actions: string
  owner: string
  dueOn: string
}

/** A team's priorities for a round: read on every view of its page, so compiled once. */
const prioritiesStatement = preparedOnce((db) =>
  db
    .select()
    .from(actionPriorities)
    .where(
      and(
        eq(actionPriorities.organisationId, slot('organisationId')),
        eq(actionPriorities.groupId, slot('groupId')),
        eq(actionPriorities.roundId, slot('roundId')),
      ),
    )
    .orderBy(asc(actionPriorities.rank))
    .prepare(),
)

export async function listPriorities(
  db: Db,
  organisationId: string,
  groupId: string,
  roundId: string,
) {
  return prioritiesStatement(db).all({ organisationId, groupId, roundId })
}

export type Priority = Awaited<ReturnType<typeof listPriorities>>[number]

export async function getPriority(
  db: Db,
  organisationId: string,
  groupId: string,
  priorityId: string,
): Promise<Priority | null> {
  const [found] = await db
    .select()
    .from(actionPriorities)
    .where(
      and(
        eq(actionPriorities.organisationId, organisationId),
        eq(actionPriorities.groupId, groupId),
        eq(actionPriorities.id, priorityId),
      ),
    )
  return found ?? null
}

/** Sets the team's priority of this rank after a round, replacing what the rank held, audited. */
export async function savePriority(
  db: Db,
  actor: Actor,
  target: { groupId: string; roundId: string },
  changes: PriorityChanges,
) {
  const updatedAt = actor.at.toISOString()
  await db.batch([
    db
      .insert(actionPriorities)
      .values({
        id: crypto.randomUUID(),
        organisationId: actor.organisationId,
        ...target,
        ...changes,
        status: 'planned',
        updatedAt,
      })
      .onConflictDoUpdate({
        target: [actionPriorities.groupId, actionPriorities.roundId, actionPriorities.rank],
        set: { ...changes, updatedAt },
      }),
    auditInsert(db, {
      ...actor,
      action: 'action-plan.priority-set',
      subjectType: 'team',
      subjectId: target.groupId,
      after: { roundId: target.roundId, ...changes },
    }),
  ])
}

/** Records how a priority went, when the team reviews its plan at the next round. */
export async function reviewPriority(
  db: Db,
  actor: Actor,
  priority: Priority,
  review: { status: PriorityStatus; review: string },
) {
  await db.batch([
    db
      .update(actionPriorities)
      .set({ ...review, updatedAt: actor.at.toISOString() })
      .where(
        and(
          eq(actionPriorities.organisationId, actor.organisationId),
          eq(actionPriorities.id, priority.id),
        ),
      ),
    auditInsert(db, {
      ...actor,
      action: 'action-plan.reviewed',
      subjectType: 'team',
      subjectId: priority.groupId,
      before: { status: priority.status },
      after: { status: review.status },
    }),
  ])
}
