import type { Db } from '../../db/client'
import { listPriorities } from '../../db/queries/action-plans'
import type { Team } from '../../db/queries/groups'
import { findInstrument } from '../../db/queries/instruments'
import { getExecutiveGroup } from '../../db/queries/organisations'
import {
  closedRoundList,
  packedItemSums,
  packedScoreSums,
  type ResultsRound,
} from '../../db/queries/results'
import { perceptionGaps, perspectiveGaps } from '../../instruments/gaps'
import { groupFigures, itemFigures } from '../../instruments/results'
import { figuresOf } from './kept'

const daysBetween = (a: string, b: string) =>
  Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000

/** The executive's round nearest in time to a team's round: what the team is compared with. */
export function nearestRound(rounds: readonly ResultsRound[], to: ResultsRound) {
  return (
    [...rounds].sort(
      (a, b) => daysBetween(a.opensOn, to.opensOn) - daysBetween(b.opensOn, to.opensOn),
    )[0] ?? null
  )
}

/**
 * One team over time: its total and domain scores at each closed round, its items at one round,
 * the executive's domain scores beside its own (rule 10), staff beside people using the service
 * where both are shown, and its action plan; rule 6 applied throughout.
 */
export async function teamData(db: Db, organisationId: string, team: Team, roundId?: string) {
  const [all, executive] = await Promise.all([
    closedRoundList(db, organisationId),
    getExecutiveGroup(db, organisationId),
  ])
  // A group a closed round assessed has kept results, even with no responses: that is membership.
  const sums = await packedScoreSums(
    db,
    organisationId,
    all.map((r) => r.id),
  )
  const rounds = all.filter((r) => sums.has(r.id, team.id))
  const overTime = rounds.map((round) => ({
    round,
    figures: figuresOf(round, sums.get(round.id, team.id)),
  }))
  const chosen = overTime.find((o) => o.round.id === roundId) ?? overTime.at(-1) ?? null
  if (!chosen) return { rounds, overTime, chosen: null }
  const round = chosen.round
  const entry = await findInstrument(
    db,
    organisationId,
    round.instrumentSlug,
    round.instrumentVersion,
  )
  const instrument = entry?.instrument ?? null
  const domainKeys = instrument?.domains.map((d) => d.key) ?? []
  const execRound = nearestRound(
    all.filter((r) => executive && sums.has(r.id, executive.id)),
    round,
  )
  const execFigures =
    executive && execRound ? figuresOf(execRound, sums.get(execRound.id, executive.id)) : null
  const mean = (d: Record<string, { mean: number | null }>) =>
    Object.fromEntries(domainKeys.map((k) => [k, d[k]?.mean ?? null]))
  const teamRows = sums.get(round.id, team.id) ?? []
  const staff = groupFigures(round, teamRows, 'staff')
  const people = groupFigures(round, teamRows, 'person-using-service')
  const previous = overTime[overTime.indexOf(chosen) - 1]?.round ?? null
  return {
    rounds,
    overTime,
    chosen: {
      round,
      figures: chosen.figures,
      instrument,
      items:
        instrument && chosen.figures.shown
          ? itemFigures(
              instrument,
              round,
              chosen.figures.responses,
              (await packedItemSums(db, organisationId, [round.id], team.id)).get(
                round.id,
                team.id,
              ) ?? [],
            )
          : [],
      executive:
        execRound && execFigures?.shown
          ? {
              round: execRound,
              gaps: perceptionGaps(domainKeys, mean(execFigures.domains), [
                mean(chosen.figures.domains),
              ]),
            }
          : null,
      perspectives:
        staff.shown && people.shown
          ? perspectiveGaps(domainKeys, mean(staff.domains), mean(people.domains))
          : null,
      plan: await listPriorities(db, organisationId, team.id, round.id),
      previous: previous
        ? { round: previous, plan: await listPriorities(db, organisationId, team.id, previous.id) }
        : null,
    },
  }
}

export type TeamData = Awaited<ReturnType<typeof teamData>>
