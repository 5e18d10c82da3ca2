import type { Context, MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Role } from '../db/schema'
import type { AppEnv, Grant } from '../env'

const has = (grants: readonly Grant[], ...roles: Role[]) =>
  grants.some((g) => roles.includes(g.role))

/** What a person may do, from their grants: the one place the roles are interpreted. */
export const may = {
  administer: (grants: readonly Grant[]) => has(grants, 'admin'),
  manageInstruments: (grants: readonly Grant[]) => has(grants, 'admin', 'strategy-lead'),
  /** The recovery strategy's workstreams, objectives, metrics and their values. */
  manageStrategy: (grants: readonly Grant[]) => has(grants, 'admin', 'strategy-lead'),
  /** Everyone organisation-wide sees every team; a team lead sees the teams of their grants. */
  seeTeam: (grants: readonly Grant[], teamId: string) =>
    has(grants, 'admin', 'strategy-lead', 'executive', 'viewer') ||
    grants.some((g) => g.role === 'team-lead' && g.groupId === teamId),
  /** Strategy leads and admins run rounds for any group; team leads for their own teams. */
  createRounds: (grants: readonly Grant[]) => has(grants, 'admin', 'strategy-lead', 'team-lead'),
  runGroup: (grants: readonly Grant[], groupId: string) =>
    has(grants, 'admin', 'strategy-lead') ||
    grants.some((g) => g.role === 'team-lead' && g.groupId === groupId),
  /** Opening, extending and closing a round: whoever may run every one of its groups. */
  manageRound: (grants: readonly Grant[], groupIds: readonly string[]) =>
    groupIds.every((id) => may.runGroup(grants, id)),
  /** Hiding a results comment that identifies someone. */
  hideComments: (grants: readonly Grant[]) => has(grants, 'admin'),
  seeRound: (grants: readonly Grant[], groupIds: readonly string[]) =>
    has(grants, 'admin', 'strategy-lead', 'executive', 'viewer') ||
    groupIds.some((id) => may.runGroup(grants, id)),
  /** Exports of results (recorded in the audit log): the people who report to the board. */
  exportResults: (grants: readonly Grant[]) => has(grants, 'admin', 'strategy-lead', 'executive'),
  /** The consensus record: a team's lead or an admin; for the executive, a strategy lead or admin. */
  facilitate: (grants: readonly Grant[], group: { id: string; kind: 'executive' | 'team' }) =>
    has(grants, 'admin') ||
    (group.kind === 'executive'
      ? has(grants, 'strategy-lead')
      : grants.some((g) => g.role === 'team-lead' && g.groupId === group.id)),
}

/** Refuses the request with 403 unless the signed-in person's grants allow it. */
export function requireThat(
  allowed: (grants: readonly Grant[]) => boolean,
): MiddlewareHandler<AppEnv> {
  return async function requireThat(c, next) {
    if (!allowed(c.var.signedIn?.grants ?? [])) throw new HTTPException(403)
    await next()
  }
}

/** Who is acting, for the audit log: the signed-in person, in their organisation, now. */
export function actorOf(c: Context<AppEnv>) {
  const signedIn = c.var.signedIn
  if (!signedIn) throw new HTTPException(403)
  return {
    organisationId: c.var.organisation.id,
    actorId: signedIn.person.id,
    at: new Date(c.var.now()),
  }
}
