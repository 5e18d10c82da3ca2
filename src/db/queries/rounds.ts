import { and, asc, eq, getTableColumns, inArray, lt, sql } from 'drizzle-orm'
import { chunksOf } from '../chunks'
import type { Db } from '../client'
import { jsonList } from '../json-list'
import { groups, roundGroups, rounds } from '../schema'
import { auditInsert, auditInsertIfChanged } from './audit'
import { figuresSnapshot } from './responses'

type Actor = { organisationId: string; actorId: string; at: Date }
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

export const roundDefaults = {
  anonymityThreshold: 5,
  commentThreshold: 10,
  itemMid: 12.5,
  teamMid: 5,
}

/**
 * A draft round with its groups, in one batch; every group must be the organisation's own. The
 * group rows go in statements of at most 30 rows (90 bound parameters), inside D1's limit of 100.
 */
export async function createRound(
  db: Db,
  actor: Actor,
  settings: RoundSettings,
  groupIds: string[],
) {
  const wanted = [...new Set(groupIds)]
  let owned = 0
  for (const ids of chunksOf(wanted, 90)) {
    const found = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.organisationId, actor.organisationId), inArray(groups.id, ids)))
    owned += found.length
  }
  if (owned !== wanted.length)
    throw new Error('Every group of a round must belong to its organisation')
  const id = crypto.randomUUID()
  const rows = wanted.map((groupId) => ({
    roundId: id,
    groupId,
    organisationId: actor.organisationId,
  }))
  await db.batch([
    db.insert(rounds).values({
      id,
      organisationId: actor.organisationId,
      status: 'draft',
      createdAt: actor.at.toISOString(),
      ...settings,
    }),
    ...chunksOf(rows, 30).map((chunk) => db.insert(roundGroups).values(chunk)),
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
    ...(move === 'close' ? figuresSnapshot(db, actor.organisationId, round.id) : []),
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
