import type { Db } from '../../db/client'
import { roundFiguresPart } from '../../db/queries/figure-parts'
import { type GroupMeans, listGroupMeans } from '../../db/queries/group-means'
import { getInstrument } from '../../db/queries/instruments'
import { getExecutiveGroup } from '../../db/queries/organisations'
import { listClosedRounds, type ResultsRound } from '../../db/queries/results'
import { perceptionGaps } from '../../instruments/gaps'
import { groupResults } from '../../instruments/group-results'
import { withThresholds } from '../../instruments/results'
import { comparisonData } from './comparison'
import { overviewData } from './overview'
import { meansOf, nearestRound } from './team'

type Group = { id: string; name: string; kind: 'executive' | 'team' }

/** The latest round before this one of the same instrument that assessed any of the same groups. */
function previousOf(
  members: ReadonlyMap<string, GroupMeans>,
  rounds: readonly ResultsRound[],
  round: ResultsRound,
) {
  const mine = members.get(round.id)?.assessed ?? new Set()
  return (
    rounds
      .filter((r) => r.opensOn < round.opensOn && r.instrumentSlug === round.instrumentSlug)
      .filter((r) => [...(members.get(r.id)?.assessed ?? [])].some((id) => mine.has(id)))
      .at(-1) ?? null
  )
}

/**
 * A round's board report: the headline comparison with the round before (the executive's and the
 * teams'), the executive's view against the teams', the heatmap and each team's change. Comments
 * never appear in it.
 */
export async function reportData(
  db: Db,
  organisationId: string,
  roundId: string,
  groups: readonly Group[],
) {
  const [rounds, executive] = await Promise.all([
    listClosedRounds(db, organisationId),
    getExecutiveGroup(db, organisationId),
  ])
  const round = rounds.find((r) => r.id === roundId)
  if (!round) return null
  const members = await listGroupMeans(db, organisationId, withThresholds(rounds))
  const teamIds = new Set(groups.filter((g) => g.kind === 'team').map((g) => g.id))
  // A round of the executive alone is reported beside the teams' round nearest to it in time.
  const holdsTeams = (r: ResultsRound) =>
    [...(members.get(r.id)?.assessed ?? [])].some((id) => teamIds.has(id))
  const teamRound = holdsTeams(round) ? round : nearestRound(rounds.filter(holdsTeams), round)
  const overview = await overviewData(
    db,
    organisationId,
    { round: teamRound?.id ?? round.id },
    (id) => teamIds.has(id),
  )
  const previous = teamRound ? previousOf(members, rounds.filter(holdsTeams), teamRound) : null
  const teams =
    teamRound && previous
      ? await comparisonData(
          db,
          organisationId,
          rounds,
          groups.filter((g) => g.kind === 'team'),
          previous.id,
          teamRound.id,
        )
      : null
  const execRounds = rounds.filter(
    (r) => executive && members.get(r.id)?.assessed.has(executive.id),
  )
  const execRound = nearestRound(execRounds, round)
  const execPrevious = execRound ? previousOf(members, execRounds, execRound) : null
  const exec =
    execRound && execPrevious
      ? await comparisonData(
          db,
          organisationId,
          rounds,
          groups.filter((g) => g.kind === 'executive'),
          execPrevious.id,
          execRound.id,
        )
      : null
  const entry = await getInstrument(
    db,
    organisationId,
    round.instrumentSlug,
    round.instrumentVersion,
  )
  const domains = entry?.instrument.domains ?? []
  const domainKeys = domains.map((d) => d.key)
  const execFigures =
    execRound && executive
      ? groupResults(
          execRound,
          (await roundFiguresPart(db, organisationId, [execRound.id], 'scores'))
            .get(execRound.id)
            ?.get(executive.id)?.rows ?? [],
          { domainKeys },
        ).all
      : null
  const gaps = execFigures
    ? perceptionGaps(
        domainKeys,
        meansOf(domainKeys, execFigures.domains),
        overview.heatmap?.rows.map((row) =>
          Object.fromEntries(domainKeys.map((k, i) => [k, row.cells[i]?.value ?? null])),
        ) ?? [],
      )
    : null
  return { round, previous, teamRound, overview, teams, exec, execRound, gaps, domains }
}

export type ReportData = NonNullable<Awaited<ReturnType<typeof reportData>>>
