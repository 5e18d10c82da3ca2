import { and, desc, eq, gt, lt, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { shownLinks } from '../schema'

export type ShownLink = (typeof shownLinks.$inferSelect)['links'][number]
export type ShownLinkKind = (typeof shownLinks.$inferSelect)['kind']

/** How long the person who made links may come back to them: one working day and the next morning. */
export const shownLinkHours = 24

/**
 * The statements that keep links just made for the person who made them, and remove every kept
 * link of the organisation whose time is up: to run in the batch that makes the links.
 */
export function keepShownLinks(
  db: Db,
  made: {
    id: string
    organisationId: string
    madeBy: string
    kind: ShownLinkKind
    subjectId: string
    links: ShownLink[]
    at: Date
  },
) {
  const now = made.at.getTime()
  return [
    db
      .delete(shownLinks)
      .where(
        and(eq(shownLinks.organisationId, made.organisationId), lt(shownLinks.expiresAt, now)),
      ),
    db.insert(shownLinks).values({
      id: made.id,
      organisationId: made.organisationId,
      madeBy: made.madeBy,
      kind: made.kind,
      subjectId: made.subjectId,
      links: made.links,
      expiresAt: now + shownLinkHours * 3_600_000,
    }),
  ] as const
}

type KeptFor = { organisationId: string; madeBy: string; kind: ShownLinkKind; now: number }

/** Kept links of one kind, made by this person, whose time has not run out. */
const keptFor = (where: KeptFor) =>
  and(
    eq(shownLinks.organisationId, where.organisationId),
    eq(shownLinks.madeBy, where.madeBy),
    eq(shownLinks.kind, where.kind),
    gt(shownLinks.expiresAt, where.now),
  )

/** Links kept for this person, while their time lasts; anyone else, or later, finds nothing. */
export async function getShownLinks(db: Db, where: KeptFor & { id: string }) {
  const [row] = await db
    .select({
      subjectId: shownLinks.subjectId,
      links: shownLinks.links,
      expiresAt: shownLinks.expiresAt,
    })
    .from(shownLinks)
    .where(and(keptFor(where), eq(shownLinks.id, where.id)))
  return row ?? null
}

/**
 * The statement that removes every kept link about one subject (a round that closes, a draft
 * deleted), only while a condition holds when the statement runs, if one is given.
 */
export const forgetShownLinks = (db: Db, organisationId: string, subjectId: string, when?: SQL) =>
  db
    .delete(shownLinks)
    .where(
      and(eq(shownLinks.organisationId, organisationId), eq(shownLinks.subjectId, subjectId), when),
    )

/** What this person has kept about one subject, newest first: where to go back to, and until when. */
export async function listShownLinks(db: Db, where: KeptFor & { subjectId: string }) {
  return db
    .select({
      id: shownLinks.id,
      count: sql<number>`json_array_length(${shownLinks.links})`,
      expiresAt: shownLinks.expiresAt,
    })
    .from(shownLinks)
    .where(and(keptFor(where), eq(shownLinks.subjectId, where.subjectId)))
    .orderBy(desc(shownLinks.expiresAt))
}
