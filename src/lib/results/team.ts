import type { Db } from '../../db/client'
import { listPriorities } from '../../db/queries/action-plans'
import type { Team } from '../../db/queries/groups'
import { findInstrument } from '../../db/queries/instruments'
import { getExecutiveGroup } from '../../db/queries/organisations'
import { itemSums, scoreSums } from '../../db/queries/results'
import type { RoundSummary } from '../../db/queries/rounds'
import { perceptionGaps, perspectiveGaps } from '../../instruments/gaps'
import { groupFigures, itemFigures } from '../../instruments/results'
import { groupBy } from '../collections'
import { closedRounds } from './overview'

const daysBetween = (a: string, b: string) =>
  Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000

/** The executive's round nearest in time to a team's round: what the team is compared with. */
export function nearestRound(rounds: readonly RoundSummary[], to: RoundSummary) {
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
  const all = await closedRounds(db, organisationId)
  const executive = await getExecutiveGroup(db, organisationId)
  const rounds = all.filter((r) => r.groupIds.includes(team.id))
  const rows = groupBy(
    await scoreSums(
      db,
      organisationId,
      rounds.map((r) => r.id),
      { groupId: team.id },
    ),
    (r) => r.roundId,
  )
  const overTime = rounds.map((round) => ({
    round,
    figures: groupFigures(round, rows.get(round.id) ?? []),
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
  const execRounds = executive ? all.filter((r) => r.groupIds.includes(executive.id)) : []
  const execRound = nearestRound(execRounds, round)
  const execFigures =
    executive && execRound
      ? groupFigures(
          execRound,
          await scoreSums(db, organisationId, [execRound.id], { groupId: executive.id }),
        )
      : null
  const mean = (d: Record<string, { mean: number | null }>) =>
    Object.fromEntries(domainKeys.map((k) => [k, d[k]?.mean ?? null]))
  const teamRows = rows.get(round.id) ?? []
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
              await itemSums(db, organisationId, round.id, team.id),
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
