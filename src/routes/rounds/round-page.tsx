import type { Context } from 'hono'
import type { GroupProgress, RoundPageProps } from '../../../views/pages/rounds/round'
import { getInstrument } from '../../db/queries/instruments'
import { participation } from '../../db/queries/invitations'
import { consensusStates } from '../../db/queries/responses'
import type { Round } from '../../db/queries/rounds'
import { listShownLinks, shownLinkHours } from '../../db/queries/shown-links'
import type { SignedInEnv } from '../../env'
import { type Perspective, perspectiveLabels } from '../../instruments/definition'
import { may } from '../../lib/authorise'
import type { FieldErrors, FormValues } from '../../lib/validation'

/** Rule 6 (docs/rules.md) for participation: below k while the round is open, the count is not shown. */
export function completedText(round: Round, completed: number) {
  if (round.status === 'open' && completed < round.anonymityThreshold) {
    return `fewer than ${round.anonymityThreshold}`
  }
  return String(completed)
}

const consensusLabels = { 'in-progress': 'In progress', completed: 'Completed' } as const

/** Everything the round page shows, for the signed-in person. */
export async function roundPageProps(
  c: Context<SignedInEnv>,
  round: Round,
  values: FormValues,
  errors: FieldErrors,
): Promise<RoundPageProps> {
  const { db, organisation } = c.var
  const grants = c.var.signedIn.grants
  const [entry, counts, states, kept] = await Promise.all([
    getInstrument(db, organisation.id, round.instrumentSlug, round.instrumentVersion),
    participation(db, organisation.id, round.id),
    consensusStates(db, organisation.id, round.id),
    listShownLinks(db, {
      organisationId: organisation.id,
      madeBy: c.var.signedIn?.person.id ?? '',
      kind: 'invitations',
      subjectId: round.id,
      now: c.var.now(),
    }),
  ])
  // A team lead sees the participation of their own teams only, in a round shared with others;
  // everyone who may see every team's results sees every group's.
  const shown = round.groups.filter((group) => may.seeTeam(grants, group.id))
  const progress: GroupProgress[] = shown.map((group) => {
    const count = counts.get(group.id)
    const state = states.get(group.id)
    return {
      id: group.id,
      name: group.name,
      invited: count?.invited ?? 0,
      completed: completedText(round, count?.completed ?? 0),
      consensus: {
        state: state ? consensusLabels[state] : 'Not started',
        canRecord: may.facilitate(grants, group),
      },
    }
  })
  const names = (round.perspectives as Perspective[]).map((p) => perspectiveLabels[p] ?? p)
  return {
    round,
    instrumentTitle: entry
      ? `${entry.instrument.title} (version ${round.instrumentVersion})`
      : round.instrumentSlug,
    perspectiveNames: names.join(', '),
    progress,
    canManage: may.manageRound(
      grants,
      round.groups.map((g) => g.id),
    ),
    inviteGroups: round.groups
      .filter((g) => may.runGroup(grants, g.id))
      .map((g) => ({ value: g.id, text: g.name })),
    perspectives: (round.perspectives as Perspective[]).map((p) => ({
      value: p,
      text: perspectiveLabels[p] ?? p,
    })),
    forms: { values, errors },
    keptLinks: kept.map((k) => ({
      href: `/rounds/${round.id}/invitations/${k.id}`,
      count: k.count,
      until: new Date(k.expiresAt).toISOString(),
    })),
    keptHours: shownLinkHours,
    canExport: may.exportResults(grants),
  }
}
