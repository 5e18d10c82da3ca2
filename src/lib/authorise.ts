import type { Context, MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { getRound } from '../db/queries/rounds'
import type { SignedInEnv } from '../env'
import type { Grant, Role } from '../instruments/enums'

const has = (grants: readonly Grant[], ...roles: Role[]) =>
  grants.some((g) => roles.includes(g.role))

/** What a person may do, from their grants: the one place the roles are interpreted. */
export const may = {
  administer: (grants: readonly Grant[]) => has(grants, 'admin'),
  manageInstruments: (grants: readonly Grant[]) => has(grants, 'admin', 'strategy-lead'),
  /** The recovery strategy's workstreams, objectives, metrics and their values. */
  manageStrategy: (grants: readonly Grant[]) => has(grants, 'admin', 'strategy-lead'),
  /** Everyone organisation-wide sees every team (and reads the board's report). */
  seeAllTeams: (grants: readonly Grant[]) =>
    has(grants, 'admin', 'strategy-lead', 'executive', 'viewer'),
  /** A team lead sees the teams of their grants. */
  seeTeam: (grants: readonly Grant[], teamId: string) =>
    may.seeAllTeams(grants) || grants.some((g) => g.role === 'team-lead' && g.groupId === teamId),
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
  /** A network's figures beside the organisation's own: those who see the organisation whole. */
  seeNetworks: (grants: readonly Grant[]) => has(grants, 'admin', 'strategy-lead', 'executive'),
  /** Exports of results (recorded in the audit log): the people who report to the board. */
  exportResults: (grants: readonly Grant[]) => has(grants, 'admin', 'strategy-lead', 'executive'),
  /** The consensus record: a team's lead or an admin; for the executive, a strategy lead or admin. */
  facilitate: (grants: readonly Grant[], group: { id: string; kind: 'executive' | 'team' }) =>
    has(grants, 'admin') ||
    (group.kind === 'executive'
      ? has(grants, 'strategy-lead')
      : grants.some((g) => g.role === 'team-lead' && g.groupId === group.id)),
}

/** Who may do what, in words, for the page that refuses someone else: why, and whom to ask. */
export const onlyWho = {
  administer:
    'Only an admin can manage teams, people, settings and the audit log. Ask an admin if something here needs changing.',
  manageInstruments:
    'Only an admin or the recovery strategy lead can change questionnaires or import earlier rounds. Ask one of them to do it for you.',
  manageStrategy:
    'Only an admin or the recovery strategy lead can change the strategy, its workstreams and metrics.',
  createRounds: 'Only admins, the recovery strategy lead and team leads can set up rounds.',
  exportResults:
    'Only admins, the recovery strategy lead and executives can download results, because every download is recorded.',
  hideComments: 'Only an admin can hide a comment.',
  seeNetworks:
    'Only admins, executives and the recovery strategy lead see how the organisation stands in its networks.',
  seeTeam:
    'You can see the results of the teams you lead. Ask an admin if you should lead this team too.',
  runGroup:
    'You can run rounds and make links only for the teams you lead. Ask an admin if you should lead this team too.',
  seeRound: 'This round is for teams you do not lead, so you cannot see it.',
  manageRound:
    'Only someone who runs every group of this round (an admin, the recovery strategy lead, or the lead of its only team) can open, extend or close it.',
  facilitate:
    'Only the team’s lead or an admin can record a team’s consensus; for the executive, the recovery strategy lead or an admin.',
} as const satisfies Partial<Record<keyof typeof may, string>>

/** The rules that the grants alone decide, each with the words that say who may. */
type GrantRule = {
  [K in keyof typeof may]: (typeof may)[K] extends (grants: readonly Grant[]) => boolean
    ? K extends keyof typeof onlyWho
      ? K
      : never
    : never
}[keyof typeof may]

/** Refuses the request with 403, saying who may, unless the signed-in person's grants allow it. */
export function requireThat(rule: GrantRule): MiddlewareHandler<SignedInEnv> {
  return async function requireThat(c, next) {
    if (!may[rule](c.var.signedIn.grants)) throw new HTTPException(403, { message: onlyWho[rule] })
    await next()
  }
}

/** Who is acting, for the audit log: the signed-in person, in their organisation, now. */
export function actorOf<E extends SignedInEnv>(c: Context<E>) {
  return {
    organisationId: c.var.organisation.id,
    actorId: c.var.signedIn.person.id,
    at: new Date(c.var.now()),
  }
}

/**
 * The round the path names, when it is the organisation's and the signed-in person may see it
 * (and, when asked, manage it).
 */
export async function loadRound(c: Context<SignedInEnv>, need: 'see' | 'manage' = 'see') {
  const round = await getRound(c.var.db, c.var.organisation.id, c.req.param('id') ?? '')
  if (!round) throw new HTTPException(404)
  const grants = c.var.signedIn.grants
  const groups = round.groups.map((g) => g.id)
  if (!may.seeRound(grants, groups)) throw new HTTPException(403, { message: onlyWho.seeRound })
  if (need === 'manage' && !may.manageRound(grants, groups))
    throw new HTTPException(403, { message: onlyWho.manageRound })
  return round
}
