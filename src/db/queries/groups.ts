import { and, eq, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { groupingKinds, teamTypes } from '../../instruments/enums'
import type { Db } from '../client'
import { jsonList, type ListQuery } from '../json-list'
import type { Bound } from '../prepared'
import { groupings, groups } from '../schema'
import { type Actor, auditInsert } from './audit'

export type TeamType = (typeof teamTypes)[number]
export type GroupingKind = (typeof groupingKinds)[number]
export type TeamChanges = {
  name: string
  teamType: TeamType
  groupingId: string | null
  predecessorId: string | null
}

const predecessors = alias(groups, 'predecessors')

export type Team = {
  id: string
  name: string
  teamType: TeamType | null
  groupingId: string | null
  grouping: string | null
  predecessorId: string | null
  predecessor: string | null
  archivedAt: string | null
}

/** The organisation's teams, or the one team named, with their grouping and predecessor names. */
export const teamsQuery = (organisationId: Bound, teamId?: Bound): ListQuery<Team> => ({
  fields: {
    id: groups.id,
    name: groups.name,
    teamType: groups.teamType,
    groupingId: groups.groupingId,
    grouping: groupings.name,
    predecessorId: groups.predecessorId,
    predecessor: predecessors.name,
    archivedAt: groups.archivedAt,
  },
  from: sql`from ${groups}
    left join ${groupings} on ${and(eq(groupings.id, groups.groupingId), eq(groupings.organisationId, organisationId))}
    left join ${groups} ${sql.identifier('predecessors')} on ${and(eq(predecessors.id, groups.predecessorId), eq(predecessors.organisationId, organisationId))}
    where ${and(
      eq(groups.organisationId, organisationId),
      eq(groups.kind, 'team'),
      teamId === undefined ? undefined : eq(groups.id, teamId),
    )}`,
  orderBy: sql`${groups.name}`,
})

export async function listTeams(db: Db, organisationId: string, teamId?: string) {
  return jsonList(db, teamsQuery(organisationId, teamId))
}

export async function getTeam(
  db: Db,
  organisationId: string,
  teamId: string,
): Promise<Team | null> {
  const [team] = await listTeams(db, organisationId, teamId)
  return team ?? null
}

export type Grouping = { id: string; kind: GroupingKind; name: string }

/** The organisation's service lines and other groupings, by name. */
export const groupingsQuery = (organisationId: Bound): ListQuery<Grouping> => ({
  fields: { id: groupings.id, kind: groupings.kind, name: groupings.name },
  from: sql`from ${groupings} where ${eq(groupings.organisationId, organisationId)}`,
  orderBy: sql`${groupings.name}`,
})

export async function listGroupings(db: Db, organisationId: string) {
  return jsonList(db, groupingsQuery(organisationId))
}

/** A new team and its audit entry, in one batch. */
/** The statements that make a team with its audit entry, to run alone or in a larger batch. */
export function teamStatements(db: Db, actor: Actor, id: string, team: TeamChanges) {
  return [
    db.insert(groups).values({
      id,
      organisationId: actor.organisationId,
      kind: 'team' as const,
      createdAt: actor.at.toISOString(),
      ...team,
    }),
    auditInsert(db, {
      ...actor,
      action: 'group.created',
      subjectType: 'group',
      subjectId: id,
      after: team,
    }),
  ] as const
}

export async function createTeam(db: Db, actor: Actor, team: TeamChanges): Promise<string> {
  const id = crypto.randomUUID()
  await db.batch(teamStatements(db, actor, id, team))
  return id
}

export async function updateTeam(db: Db, actor: Actor, before: Team, changes: TeamChanges) {
  const was = {
    name: before.name,
    teamType: before.teamType,
    groupingId: before.groupingId,
    predecessorId: before.predecessorId,
  }
  await db.batch([
    db
      .update(groups)
      .set(changes)
      .where(and(eq(groups.organisationId, actor.organisationId), eq(groups.id, before.id))),
    auditInsert(db, {
      ...actor,
      action: 'group.updated',
      subjectType: 'group',
      subjectId: before.id,
      before: was,
      after: changes,
    }),
  ])
}

/** Archives a team (its history is kept); archiving it again changes nothing. */
export async function archiveTeam(db: Db, actor: Actor, team: Team) {
  if (team.archivedAt) return
  await db.batch([
    db
      .update(groups)
      .set({ archivedAt: actor.at.toISOString() })
      .where(
        and(
          eq(groups.organisationId, actor.organisationId),
          eq(groups.id, team.id),
          isNull(groups.archivedAt),
        ),
      ),
    auditInsert(db, {
      ...actor,
      action: 'group.archived',
      subjectType: 'group',
      subjectId: team.id,
      before: { archived: false },
      after: { archived: true },
    }),
  ])
}

export async function createGrouping(
  db: Db,
  actor: Actor,
  grouping: { kind: GroupingKind; name: string },
) {
  const id = crypto.randomUUID()
  await db.batch([
    db.insert(groupings).values({
      id,
      organisationId: actor.organisationId,
      createdAt: actor.at.toISOString(),
      ...grouping,
    }),
    auditInsert(db, {
      ...actor,
      action: 'grouping.created',
      subjectType: 'grouping',
      subjectId: id,
      after: grouping,
    }),
  ])
  return id
}

/** Any group of the organisation, executive or team, by id. */
export async function getGroup(db: Db, organisationId: string, groupId: string) {
  const [group] = await db
    .select({ id: groups.id, name: groups.name, kind: groups.kind })
    .from(groups)
    .where(and(eq(groups.organisationId, organisationId), eq(groups.id, groupId)))
  return group ?? null
}

/** How many of the organisation's teams are not archived (those a per-team metric counts), as a list of one. */
export const teamsInScopeQuery = (organisationId: Bound): ListQuery<{ count: number }> => ({
  fields: { count: sql`count` },
  from: sql`from (select count(*) as count from ${groups} where ${and(
    eq(groups.organisationId, organisationId),
    eq(groups.kind, 'team'),
    isNull(groups.archivedAt),
  )})`,
})
