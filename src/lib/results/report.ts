import type { Db } from '../../db/client'
import { findInstrument } from '../../db/queries/instruments'
import { getExecutiveGroup } from '../../db/queries/organisations'
import { scoreSums } from '../../db/queries/results'
import type { RoundSummary } from '../../db/queries/rounds'
import { perceptionGaps } from '../../instruments/gaps'
import { groupFigures } from '../../instruments/results'
import { groupBy } from '../collections'
import { comparisonData } from './comparison'
import { closedRounds, overviewData } from './overview'
import { nearestRound } from './team'

type Group = { id: string; name: string; kind: 'executive' | 'team' }

/** The round before this one of the same instrument that assessed any of the same groups. */
const previousOf = (rounds: readonly RoundSummary[], round: RoundSummary) =>
  rounds
    .filter(
      (r) =>
        r.opensOn < round.opensOn &&
        r.instrumentSlug === round.instrumentSlug &&
        r.groupIds.some((id) => round.groupIds.includes(id)),
    )
    .at(-1) ?? null

/**
 * A round's board report: the headline comparison with the round before (the executive's and the
 * teams'), the executive's view against the teams', the heatmap and each team's change.
 */
export async function reportData(
  db: Db,
  organisationId: string,
  roundId: string,
  groups: readonly Group[],
) {
  const rounds = await closedRounds(db, organisationId)
  const round = rounds.find((r) => r.id === roundId)
  if (!round) return null
  const executive = await getExecutiveGroup(db, organisationId)
  const teamIds = new Set(groups.filter((g) => g.kind === 'team').map((g) => g.id))
  const overview = await overviewData(db, organisationId, { round: round.id }, (id) =>
    teamIds.has(id),
  )
  const previous = previousOf(rounds, round)
  const teams = previous
    ? await comparisonData(
        db,
        organisationId,
        groups.filter((g) => g.kind === 'team'),
        previous.id,
        round.id,
      )
    : null
  const execRounds = executive ? rounds.filter((r) => r.groupIds.includes(executive.id)) : []
  const execRound = nearestRound(execRounds, round)
  const execPrevious = execRound ? previousOf(execRounds, execRound) : null
  const exec =
    execRound && execPrevious
      ? await comparisonData(
          db,
          organisationId,
          groups.filter((g) => g.kind === 'executive'),
          execPrevious.id,
          execRound.id,
        )
      : null
  const entry = await findInstrument(
    db,
    organisationId,
    round.instrumentSlug,
    round.instrumentVersion,
  )
  const domains = entry?.instrument.domains ?? []
  const sums = groupBy(
    await scoreSums(db, organisationId, execRound ? [round.id, execRound.id] : [round.id]),
    (r) => `${r.roundId}|${r.groupId}`,
  )
  const means = (r: RoundSummary, id: string) => {
    const f = groupFigures(r, sums.get(`${r.id}|${id}`) ?? [])
    return Object.fromEntries(domains.map((d) => [d.key, f.domains[d.key]?.mean ?? null]))
  }
  const gaps =
    execRound && executive
      ? perceptionGaps(
          domains.map((d) => d.key),
          means(execRound, executive.id),
          round.groupIds.filter((id) => teamIds.has(id)).map((id) => means(round, id)),
        )
      : null
  return { round, previous, overview, teams, exec, execRound, gaps, domains }
}

export type ReportData = NonNullable<Awaited<ReturnType<typeof reportData>>>
