import { and, count, eq, isNull, sql } from 'drizzle-orm'
import { insertSlices } from '../chunks'
import type { Db } from '../client'
import { preparedOnce, slot } from '../prepared'
import { groups, invitations, organisations, responses, rounds } from '../schema'
import { hashToken, newInvitationCode } from '../tokens'
import { type Actor, auditInsert } from './audit'
import { keepShownLinks } from './shown-links'

export type InvitationRequest = { groupId: string; perspective: string; count: number }
export type NewInvitation = { token: string; groupId: string; perspective: string }

/** A second digest of a link's token: what its response is filed under, which only the link gives. */
export const responseIdOf = (token: string) => hashToken(`response:${token}`)

/**
 * Makes single-use links, storing each token's digest for good and the tokens themselves only for
 * the person who made them to come back to for a short time (`shownLinkHours`), in one batch with
 * the audit entry, under `keptAs`.
 */
export async function createInvitations(
  db: Db,
  actor: Actor,
  roundId: string,
  requests: readonly InvitationRequest[],
  keptAs: string = crypto.randomUUID(),
): Promise<NewInvitation[]> {
  const made = requests.flatMap((r) =>
    Array.from({ length: r.count }, () => ({
      token: newInvitationCode(),
      groupId: r.groupId,
      perspective: r.perspective,
    })),
  )
  const rows = await Promise.all(
    made.map(async (m) => ({
      tokenHash: await hashToken(m.token),
      organisationId: actor.organisationId,
      roundId,
      groupId: m.groupId,
      perspective: m.perspective,
    })),
  )
  await db.batch([
    auditInsert(db, {
      ...actor,
      action: 'invitations.created',
      subjectType: 'round',
      subjectId: roundId,
      after: { links: made.length, groups: new Set(made.map((m) => m.groupId)).size },
    }),
    ...insertSlices(invitations, rows).map((chunk) => db.insert(invitations).values(chunk)),
    ...keepShownLinks(db, {
      id: keptAs,
      organisationId: actor.organisationId,
      madeBy: actor.actorId,
      kind: 'invitations',
      subjectId: roundId,
      links: made,
      at: actor.at,
    }),
  ])
  return made
}

const invitationStatement = preparedOnce((db) =>
  db
    .select({
      invitation: {
        tokenHash: invitations.tokenHash,
        organisationId: invitations.organisationId,
        perspective: invitations.perspective,
        used: invitations.used,
      },
      round: {
        id: rounds.id,
        name: rounds.name,
        status: rounds.status,
        opensOn: rounds.opensOn,
        closesOn: rounds.closesOn,
        closedAt: rounds.closedAt,
        instrumentSlug: rounds.instrumentSlug,
        instrumentVersion: rounds.instrumentVersion,
        anonymityThreshold: rounds.anonymityThreshold,
      },
      group: { id: groups.id, name: groups.name },
      response: responses,
    })
    .from(invitations)
    .innerJoin(
      rounds,
      and(
        eq(rounds.id, invitations.roundId),
        eq(rounds.organisationId, invitations.organisationId),
      ),
    )
    .innerJoin(
      groups,
      and(
        eq(groups.id, invitations.groupId),
        eq(groups.organisationId, invitations.organisationId),
      ),
    )
    .leftJoin(
      responses,
      and(
        eq(responses.id, slot('responseId')),
        eq(responses.organisationId, invitations.organisationId),
      ),
    )
    // A suspended organisation's links stop working, and read as unknown.
    .innerJoin(
      organisations,
      and(eq(organisations.id, invitations.organisationId), isNull(organisations.suspendedAt)),
    )
    .where(eq(invitations.tokenHash, slot('tokenHash')))
    .prepare(),
)

/**
 * The invitation a token stands for, with what a respondent's page needs of its round and group,
 * and the response it has begun (or null): one narrow read, prepared once, since every answer a
 * respondent saves starts with it. The token is the only key.
 */
export async function getInvitation(db: Db, token: string) {
  const [tokenHash, responseId] = await Promise.all([hashToken(token), responseIdOf(token)])
  const found = await invitationStatement(db).get({ tokenHash, responseId })
  return found ? { ...found, responseId } : null
}

export type Participation = { groupId: string; invited: number; used: number; completed: number }

/** Per group of a round: links issued and used, against responses completed. */
export async function participation(
  db: Db,
  organisationId: string,
  roundId: string,
): Promise<Map<string, Participation>> {
  const invited = await db
    .select({
      groupId: invitations.groupId,
      invited: count(),
      used: sql<number>`sum(${invitations.used})`.mapWith(Number),
    })
    .from(invitations)
    .where(and(eq(invitations.organisationId, organisationId), eq(invitations.roundId, roundId)))
    .groupBy(invitations.groupId)
  const completed = await db
    .select({ groupId: responses.groupId, completed: count() })
    .from(responses)
    .where(
      and(
        eq(responses.organisationId, organisationId),
        eq(responses.roundId, roundId),
        eq(responses.status, 'completed'),
      ),
    )
    .groupBy(responses.groupId)
  const byGroup = new Map<string, Participation>()
  for (const row of [...invited, ...completed]) {
    const before = byGroup.get(row.groupId) ?? {
      groupId: row.groupId,
      invited: 0,
      used: 0,
      completed: 0,
    }
    byGroup.set(row.groupId, { ...before, ...row })
  }
  return byGroup
}
