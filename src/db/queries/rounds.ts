import { and, asc, eq, getTableColumns, inArray, lt, sql } from 'drizzle-orm'
import { chunksOf, insertSlices } from '../chunks'
import type { Db } from '../client'
import { jsonList } from '../json-list'
import { groups, invitations, roundGroups, rounds } from '../schema'
import { type Actor, auditInsert, auditInsertIfChanged } from './audit'
import { figuresSnapshot } from './figures-snapshot'
import { forgetShownLinks } from './shown-links'

export type RoundSettings = {
  name: string
  instrumentSlug: string
  instrumentVersion: number
  perspectives: string[]
  mode: 'individual' | 'consensus'
  opensOn: string
  closesOn: string
  anonymityThreshold: number
  commentThreshold: number
  itemMid: number
  teamMid: number
}

/** A round's group rows, each group checked to be the organisation's own. */
async function roundGroupRows(
  db: Db,
  organisationId: string,
  roundId: string,
  groupIds: readonly string[],
) {
  const wanted = [...new Set(groupIds)]
  let owned = 0
  for (const ids of chunksOf(wanted, 90)) {
    const found = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.organisationId, organisationId), inArray(groups.id, ids)))
    owned += found.length
  }
  if (owned !== wanted.length)
    throw new Error('Every group of a round must belong to its organisation')
  return { wanted, rows: wanted.map((groupId) => ({ roundId, groupId, organisationId })) }
}

/** A draft round with its groups, in one batch; every group must be the organisation's own. */
export async function createRound(
  db: Db,
  actor: Actor,
  settings: RoundSettings,
  groupIds: string[],
) {
  const id = crypto.randomUUID()
  const { wanted, rows } = await roundGroupRows(db, actor.organisationId, id, groupIds)
  await db.batch([
    db.insert(rounds).values({
      id,
      organisationId: actor.organisationId,
      status: 'draft',
      createdAt: actor.at.toISOString(),
      ...settings,
    }),
    ...insertSlices(roundGroups, rows).map((chunk) => db.insert(roundGroups).values(chunk)),
    auditInsert(db, {
      ...actor,
      action: 'round.created',
      subjectType: 'round',
      subjectId: id,
      after: { ...settings, groups: wanted.length },
    }),
  ])
  return id
}

export async function getRound(db: Db, organisationId: string, roundId: string) {
  const [round] = await db
    .select()
    .from(rounds)
    .where(and(eq(rounds.organisationId, organisationId), eq(rounds.id, roundId)))
  if (!round) return null
  const members = await db
    .select({ id: groups.id, name: groups.name, kind: groups.kind })
    .from(roundGroups)
    .innerJoin(
      groups,
      and(eq(groups.id, roundGroups.groupId), eq(groups.organisationId, organisationId)),
    )
    .where(and(eq(roundGroups.organisationId, organisationId), eq(roundGroups.roundId, roundId)))
    .orderBy(asc(groups.name))
  return { ...round, groups: members }
}

export type Round = NonNullable<Awaited<ReturnType<typeof getRound>>>

const moves = {
  open: { from: 'draft', to: 'open', stamp: 'openedAt', action: 'round.opened' },
  close: { from: 'open', to: 'closed', stamp: 'closedAt', action: 'round.closed' },
} as const

/**
 * Opens a draft (locking it) or closes an open round (keeping its results), with its audit entry,
 * in one batch. Safe to
 * repeat, even with a stale copy: the update names the status it moves from, and the audit entry
 * is written only when it moved.
 */
export async function moveRound(db: Db, actor: Actor, round: Round, move: keyof typeof moves) {
  const { from, to, stamp, action } = moves[move]
  const [moved] = await db.batch([
    db
      .update(rounds)
      .set({ status: to, [stamp]: actor.at.toISOString() })
      .where(
        and(
          eq(rounds.organisationId, actor.organisationId),
          eq(rounds.id, round.id),
          eq(rounds.status, from),
        ),
      )
      .returning({ id: rounds.id }),
    auditInsertIfChanged(db, {
      ...actor,
      action,
      subjectType: 'round',
      subjectId: round.id,
      before: { status: from },
      after: { status: to },
    }),
    ...(move === 'close'
      ? [
          ...figuresSnapshot(db, actor.organisationId, round.id),
          forgetShownLinks(db, actor.organisationId, round.id),
        ]
      : []),
  ])
  return moved.length > 0
}

/** Moves an open round's closing date later; the only setting that may change once it has opened. */
export async function extendRound(db: Db, actor: Actor, round: Round, closesOn: string) {
  const [moved] = await db.batch([
    db
      .update(rounds)
      .set({ closesOn })
      .where(
        and(
          eq(rounds.organisationId, actor.organisationId),
          eq(rounds.id, round.id),
          eq(rounds.status, 'open'),
          lt(rounds.closesOn, closesOn),
        ),
      )
      .returning({ id: rounds.id }),
    auditInsertIfChanged(db, {
      ...actor,
      action: 'round.extended',
      subjectType: 'round',
      subjectId: round.id,
      before: { closesOn: round.closesOn },
      after: { closesOn },
    }),
  ])
  return moved.length > 0
}

/** The organisation's rounds, newest window first, each with the ids of its groups. */
/** A round's columns as jsonList writes them: its perspectives as a list, not as text. */
export const roundFields = {
  ...getTableColumns(rounds),
  perspectives: sql`json(${rounds.perspectives})`,
}

export type RoundSummary = typeof rounds.$inferSelect & { groupIds: string[] }

/** Every round of the organisation, newest first, with the groups each assesses. */
export async function listRounds(db: Db, organisationId: string): Promise<RoundSummary[]> {
  return jsonList<RoundSummary>(db, {
    fields: {
      ...roundFields,
      groupIds: sql`json((select json_group_array(${roundGroups.groupId}) from ${roundGroups}
        where ${roundGroups.roundId} = ${rounds.id} and ${roundGroups.organisationId} = ${organisationId}))`,
    },
    from: sql`from ${rounds} where ${eq(rounds.organisationId, organisationId)}`,
    orderBy: sql`${rounds.opensOn} desc, ${rounds.name}`,
  })
}

/** The round itself, while it is a draft. */
const thisDraft = (organisationId: string, roundId: string) =>
  and(eq(rounds.organisationId, organisationId), eq(rounds.id, roundId), eq(rounds.status, 'draft'))

/** The statement that removes a round's groups, only while the round is a draft. */
const draftGroupsDelete = (db: Db, organisationId: string, roundId: string) =>
  db
    .delete(roundGroups)
    .where(
      and(
        eq(roundGroups.organisationId, organisationId),
        eq(roundGroups.roundId, roundId),
        isDraft(organisationId, roundId),
      ),
    )

const isDraft = (organisationId: string, roundId: string) =>
  sql`exists (select 1 from ${rounds} where ${rounds.organisationId} = ${organisationId} and ${rounds.id} = ${roundId} and ${rounds.status} = 'draft')`

/**
 * Changes a draft round's settings and groups, with its audit entry, in one batch; a round that has
 * opened meanwhile refuses the whole batch (its groups are locked). Returns whether it changed.
 */
export async function updateDraftRound(
  db: Db,
  actor: Actor,
  round: Round,
  settings: RoundSettings,
  groupIds: string[],
) {
  const { wanted, rows } = await roundGroupRows(db, actor.organisationId, round.id, groupIds)
  const [updated] = await db.batch([
    db
      .update(rounds)
      .set(settings)
      .where(thisDraft(actor.organisationId, round.id))
      .returning({ id: rounds.id }),
    auditInsertIfChanged(db, {
      ...actor,
      action: 'round.changed',
      subjectType: 'round',
      subjectId: round.id,
      before: { ...settingsOf(round), groups: round.groups.length },
      after: { ...settings, groups: wanted.length },
    }),
    draftGroupsDelete(db, actor.organisationId, round.id),
    ...insertSlices(roundGroups, rows).map((chunk) => db.insert(roundGroups).values(chunk)),
  ])
  return updated.length > 0
}

/**
 * Deletes a draft round (its groups, unused links, and links kept for their makers) with its
 * audit entry, in one batch. A round that has opened is kept: nothing is deleted. Safe to repeat.
 */
export async function deleteDraftRound(db: Db, actor: Actor, round: Round) {
  const draft = isDraft(actor.organisationId, round.id)
  const [, , , deleted] = await db.batch([
    db
      .delete(invitations)
      .where(
        and(
          eq(invitations.organisationId, actor.organisationId),
          eq(invitations.roundId, round.id),
          draft,
        ),
      ),
    forgetShownLinks(db, actor.organisationId, round.id, draft),
    draftGroupsDelete(db, actor.organisationId, round.id),
    db.delete(rounds).where(thisDraft(actor.organisationId, round.id)).returning({ id: rounds.id }),
    auditInsertIfChanged(db, {
      ...actor,
      action: 'round.deleted',
      subjectType: 'round',
      subjectId: round.id,
      before: { name: round.name, status: 'draft', groups: round.groups.length },
    }),
  ])
  return deleted.length > 0
}

/** The settings a round was made with, as the form and the audit log name them. */
export function settingsOf(round: Round): RoundSettings {
  return {
    name: round.name,
    instrumentSlug: round.instrumentSlug,
    instrumentVersion: round.instrumentVersion,
    perspectives: round.perspectives,
    mode: round.mode,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    anonymityThreshold: round.anonymityThreshold,
    commentThreshold: round.commentThreshold,
    itemMid: round.itemMid,
    teamMid: round.teamMid,
  }
}
