import { Hono } from 'hono'
import { HomePage, type HomeProps } from '../../views/pages/home/home'
import { listTeams } from '../db/queries/groups'
import { getExecutiveGroup, getSetUpProgress } from '../db/queries/organisations'
import { consensusStates } from '../db/queries/responses'
import { listRounds } from '../db/queries/rounds'
import type { SignedInEnv } from '../env'
import { dayOf } from '../instruments/dates'
import { may } from '../lib/authorise'
import { render } from './render'

/** The first-run checklist's ticks, or nothing once every step is done (or for a non-admin). */
function firstStepsOf(
  progress: Awaited<ReturnType<typeof getSetUpProgress>> | null,
  firstRound: string | undefined,
): HomeProps['firstSteps'] {
  if (!progress) return null
  const steps = {
    teams: progress.teams > 0,
    people: progress.people > 1,
    round: progress.rounds > 0,
    links: progress.links > 0,
  }
  return Object.values(steps).every(Boolean) ? null : { ...steps, firstRound }
}

export const homeRoutes = new Hono<SignedInEnv>().get('/', async (c) => {
  const { db, organisation } = c.var
  const grants = c.var.signedIn.grants
  const today = dayOf(c.var.now())
  const administers = may.administer(grants)
  const [executive, teams, all, progress] = await Promise.all([
    getExecutiveGroup(db, organisation.id),
    listTeams(db, organisation.id),
    listRounds(db, organisation.id),
    administers ? getSetUpProgress(db, organisation.id) : null,
  ])
  const groups = new Map(
    [
      ...(executive ? [{ ...executive, kind: 'executive' as const }] : []),
      ...teams.map((t) => ({ ...t, kind: 'team' as const })),
    ].map((g) => [g.id, g]),
  )
  const visible = all.filter((r) => may.seeRound(grants, r.groupIds))
  const open = visible.filter((r) => r.status === 'open')
  const mine = (ids: readonly string[]) => ids.filter((id) => may.runGroup(grants, id))
  const consensus: HomeProps['consensusToRecord'][number][] = []
  for (const round of open.filter((r) => r.mode === 'consensus')) {
    const states = await consensusStates(db, organisation.id, round.id)
    for (const id of round.groupIds) {
      const group = groups.get(id)
      if (group && may.facilitate(grants, group) && states.get(id) !== 'completed') {
        consensus.push({
          roundId: round.id,
          roundName: round.name,
          groupId: id,
          groupName: group.name,
          started: states.has(id),
        })
      }
    }
  }
  const props: HomeProps = {
    organisationName: organisation.name,
    openRounds: open
      .filter((r) => mine(r.groupIds).length > 0)
      .map((r) => ({
        id: r.id,
        name: r.name,
        opensOn: r.opensOn,
        closesOn: r.closesOn,
        groups: mine(r.groupIds).map((id) => groups.get(id)?.name ?? ''),
      })),
    consensusToRecord: consensus,
    roundsToClose: open.filter((r) => r.closesOn < today && may.manageRound(grants, r.groupIds)),
    drafts: visible.filter((r) => r.status === 'draft' && may.manageRound(grants, r.groupIds)),
    latestClosed: visible.filter((r) => r.status === 'closed').slice(0, 3),
    canCreate: may.createRounds(grants),
    firstSteps: firstStepsOf(progress, all.at(-1)?.id),
  }
  return render(c, <HomePage {...props} />, { title: 'Home' })
})
