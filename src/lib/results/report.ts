import type { Db } from '../../db/client'
import { findInstrument } from '../../db/queries/instruments'
import { getExecutiveGroup } from '../../db/queries/organisations'
import {
  closedRoundList,
  membersOf,
  packedScoreSums,
  type ResultsRound,
} from '../../db/queries/results'
import { perceptionGaps } from '../../instruments/gaps'
import { comparisonData } from './comparison'
import { figuresOf } from './kept'
import { overviewData } from './overview'
import { nearestRound } from './team'

type Group = { id: string; name: string; kind: 'executive' | 'team' }

/** The latest round before this one of the same instrument that assessed any of the same groups. */
async function previousOf(
  db: Db,
  organisationId: string,
  rounds: readonly ResultsRound[],
  round: ResultsRound,
) {
  const earlier = rounds.filter(
    (r) => r.opensOn < round.opensOn && r.instrumentSlug === round.instrumentSlug,
  )
  const members = await membersOf(db, organisationId, [round.id, ...earlier.map((r) => r.id)])
  const mine = members.get(round.id) ?? new Set()
  return (
    earlier.filter((r) => [...(members.get(r.id) ?? [])].some((id) => mine.has(id))).at(-1) ?? null
  )
}

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
  const rounds = await closedRoundList(db, organisationId)
  const round = rounds.find((r) => r.id === roundId)
  if (!round) return null
  const executive = await getExecutiveGroup(db, organisationId)
  const teamIds = new Set(groups.filter((g) => g.kind === 'team').map((g) => g.id))
  const overview = await overviewData(db, organisationId, { round: round.id }, (id) =>
    teamIds.has(id),
  )
  const previous = await previousOf(db, organisationId, rounds, round)
  const teams = previous
    ? await comparisonData(
        db,
        organisationId,
        groups.filter((g) => g.kind === 'team'),
        previous.id,
        round.id,
      )
    : null
  const members = await membersOf(
    db,
    organisationId,
    rounds.map((r) => r.id),
  )
  const execRounds = rounds.filter((r) => executive && members.get(r.id)?.has(executive.id))
  const execRound = nearestRound(execRounds, round)
  const execPrevious = execRound
    ? await previousOf(db, organisationId, execRounds, execRound)
    : null
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
  const sums = await packedScoreSums(
    db,
    organisationId,
    execRound ? [round.id, execRound.id] : [round.id],
  )
  const means = (r: ResultsRound, id: string) => {
    const f = figuresOf(r, sums.get(r.id, id))
    return Object.fromEntries(domains.map((d) => [d.key, f.domains[d.key]?.mean ?? null]))
  }
  const gaps =
    execRound && executive
      ? perceptionGaps(
          domains.map((d) => d.key),
          means(execRound, executive.id),
          overview.heatmap?.rows.map((row) => means(round, row.team.id)) ?? [],
        )
      : null
  return { round, previous, overview, teams, exec, execRound, gaps, domains }
}

export type ReportData = NonNullable<Awaited<ReturnType<typeof reportData>>>
