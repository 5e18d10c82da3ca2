import type { Db } from '../../db/client'
import { type GroupMeans, listGroupMeans } from '../../db/queries/group-means'
import type { Team } from '../../db/queries/groups'
import { getInstrument } from '../../db/queries/instruments'
import type { ResultsRound } from '../../db/queries/results'
import { readOverviewScope } from '../../db/queries/results-scope'
import { type RoundRules, withThresholds } from '../../instruments/results'

export type OverviewFilters = {
  line?: string | undefined
  type?: string | undefined
  round?: string | undefined
}

/**
 * What a cell of results shows: a value, "fewer than k" (suppressed holds k), or nothing: not
 * assessed, or a consensus with no rating.
 */
export type Cell = { value: number | null; suppressed: number | null }
export const notAssessed: Cell = { value: null, suppressed: null }

/**
 * A group's cell at a round: its mean where rule 6 (docs/rules.md) shows it; where it does not, "fewer than k"
 * for individual responses, nothing for a consensus with no rating; nothing where the round did
 * not assess the group.
 */
function meanCell(round: RoundRules, assessed: boolean, mean: number | undefined): Cell {
  if (!assessed) return notAssessed
  if (mean !== undefined) return { value: mean, suppressed: null }
  return round.mode === 'consensus'
    ? notAssessed
    : { value: null, suppressed: round.anonymityThreshold }
}

/** A group's total at a round. */
const totalCell = (round: RoundRules, means: GroupMeans | undefined, groupId: string) =>
  meanCell(round, means?.assessed.has(groupId) ?? false, means?.total.get(groupId))

/** Teams this many or fewer get a line each in the chart; more, and only the teams' mean. */
export const teamLinesUpTo = 8

/**
 * The organisation overview: the executive's total and the teams' (the mean of the teams shown,
 * never holding a team below k) at each closed round, at the round's own date (rule 14), with the
 * number of teams behind each point and where that set changed; and a heatmap of teams by domain
 * for one round.
 */
export async function overviewData(
  db: Db,
  organisationId: string,
  filters: OverviewFilters,
  canSee: (teamId: string) => boolean,
) {
  const {
    rounds,
    groupings,
    teams: allTeams,
    executive,
  } = await readOverviewScope(db, organisationId)
  const teams = allTeams.filter(
    (t: Team) =>
      canSee(t.id) &&
      (!filters.line || t.groupingId === filters.line) &&
      (!filters.type || t.teamType === filters.type),
  )
  const means = await listGroupMeans(db, organisationId, withThresholds(rounds))
  const teamIds = new Set(allTeams.map((t) => t.id))
  const teamRounds = rounds.filter((r) => {
    for (const id of means.get(r.id)?.assessed ?? []) if (teamIds.has(id)) return true
    return false
  })
  const lines = teams.length <= teamLinesUpTo ? teams : []
  // Each round's shown totals are walked, not looked up team by team.
  const visible = new Set(teams.map((t) => t.id))
  let previous: ReadonlySet<string> | null = null
  const series = rounds.map((round) => {
    const at = means.get(round.id)
    const shown = new Set<string>()
    let sum = 0
    for (const [groupId, mean] of at?.total ?? []) {
      if (!visible.has(groupId)) continue
      shown.add(groupId)
      sum += mean
    }
    const changed =
      shown.size > 0 &&
      previous !== null &&
      (shown.size !== previous.size || [...shown].some((id) => !previous?.has(id)))
    if (shown.size > 0) previous = shown
    return {
      round,
      executive: executive ? totalCell(round, at, executive.id) : notAssessed,
      teams: shown.size > 0 ? sum / shown.size : null,
      teamsShown: shown.size,
      teamsChanged: changed,
      each: lines.map((t) => totalCell(round, at, t.id)),
    }
  })
  const heatRound = teamRounds.find((r) => r.id === filters.round) ?? teamRounds.at(-1) ?? null
  return {
    rounds,
    teamRounds,
    groupings,
    teams,
    lines,
    series,
    heatmap: heatRound ? await heatmapOf(db, organisationId, heatRound, teams) : null,
  }
}

/** Teams by domain at one round: one row of cells a team, rule 6 applied to each figure. */
async function heatmapOf(
  db: Db,
  organisationId: string,
  round: ResultsRound,
  teams: readonly Team[],
) {
  const domains =
    (await getInstrument(db, organisationId, round.instrumentSlug, round.instrumentVersion))
      ?.instrument.domains ?? []
  const means = (
    await listGroupMeans(
      db,
      organisationId,
      withThresholds([round]),
      domains.map((d) => d.key),
    )
  ).get(round.id)
  return {
    round,
    domains,
    rows: teams.flatMap((team) => {
      if (!means?.assessed.has(team.id)) return []
      return [
        {
          team,
          total: totalCell(round, means, team.id),
          cells: domains.map((d) => meanCell(round, true, means.domains.get(d.key)?.get(team.id))),
        },
      ]
    }),
  }
}

export type OverviewData = Awaited<ReturnType<typeof overviewData>>
