import { and, count, eq, inArray, sql } from 'drizzle-orm'
import { hashToken, newToken } from '../../lib/tokens'
import { chunksOf, rowsPerStatement } from '../chunks'
import type { Db } from '../client'
import { invitations, responses, rounds } from '../schema'
import { auditInsert } from './audit'

type Actor = { organisationId: string; actorId: string; at: Date }
export type InvitationRequest = { groupId: string; perspective: string; count: number }
export type NewInvitation = { token: string; groupId: string; perspective: string }

/** A second digest of a link's token: what its response is filed under, which only the link gives. */
export const responseIdOf = (token: string) => hashToken(`response:${token}`)

/**
 * Makes single-use links, storing only each token's digest, in one batch with the audit entry.
 * The tokens are returned once, to be shown or downloaded; they cannot be looked up again.
 */
export async function createInvitations(
  db: Db,
  actor: Actor,
  roundId: string,
  requests: readonly InvitationRequest[],
): Promise<NewInvitation[]> {
  const made = requests.flatMap((r) =>
    Array.from({ length: r.count }, () => ({
      token: newToken(),
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
    ...rowsPerStatement(rows, 7).map((chunk) => db.insert(invitations).values(chunk)),
  ])
  return made
}

/** The invitation a token stands for, with its round; the token is the only key to it. */
export async function findInvitation(db: Db, token: string) {
  const tokenHash = await hashToken(token)
  const [found] = await db
    .select({ invitation: invitations, round: rounds })
    .from(invitations)
    .innerJoin(
      rounds,
      and(
        eq(rounds.id, invitations.roundId),
        eq(rounds.organisationId, invitations.organisationId),
      ),
    )
    .where(eq(invitations.tokenHash, tokenHash))
  return found ?? null
}

/** Which of these tokens are links of this round, in order. */
export async function tokensOfRound(
  db: Db,
  organisationId: string,
  roundId: string,
  tokens: readonly string[],
): Promise<NewInvitation[]> {
  const hashed = await Promise.all(
    tokens.map(async (token) => ({ token, hash: await hashToken(token) })),
  )
  const known = new Map<string, { groupId: string; perspective: string }>()
  for (const chunk of chunksOf(hashed, 90)) {
    const rows = await db
      .select({
        tokenHash: invitations.tokenHash,
        groupId: invitations.groupId,
        perspective: invitations.perspective,
      })
      .from(invitations)
      .where(
        and(
          eq(invitations.organisationId, organisationId),
          eq(invitations.roundId, roundId),
          inArray(
            invitations.tokenHash,
            chunk.map((h) => h.hash),
          ),
        ),
      )
    for (const row of rows) known.set(row.tokenHash, row)
  }
  return hashed.flatMap(({ token, hash }) => {
    const row = known.get(hash)
    return row ? [{ token, ...row }] : []
  })
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
