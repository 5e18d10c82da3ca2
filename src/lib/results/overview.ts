import type { Db } from '../../db/client'
import { preparedLists } from '../../db/json-list'
import { slot } from '../../db/prepared'
import { groupingsOf, type Team, teamsOf } from '../../db/queries/groups'
import { findInstrument } from '../../db/queries/instruments'
import { executiveOf } from '../../db/queries/organisations'
import { closedRoundsOf, type ResultsRound, roundFiguresPart } from '../../db/queries/results'
import {
  type Figure,
  type KeptGroup,
  type RoundRules,
  wholeFigure,
  wholeFigures,
  wholeMean,
} from '../../instruments/results'

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

/** A figure as a cell: its mean, or "fewer than k" for individual responses, rule 6 applied. */
export function cellOf(round: RoundRules, figure: Figure | null): Cell {
  if (figure) return { value: figure.mean, suppressed: null }
  return round.mode === 'consensus'
    ? notAssessed
    : { value: null, suppressed: round.anonymityThreshold }
}

/** A group's total at a round, or not assessed when the round did not assess it. */
export const totalCell = (round: ResultsRound, group: KeptGroup | undefined) =>
  group ? cellOf(round, wholeFigure(round, group, 'total')) : notAssessed

/** What the overview reads, in one statement: closed rounds, executive, teams and service lines. */
const overviewLists = preparedLists({
  rounds: closedRoundsOf(slot('organisationId')),
  executive: executiveOf(slot('organisationId')),
  teams: teamsOf(slot('organisationId')),
  groupings: groupingsOf(slot('organisationId')),
})

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
  const read = await overviewLists(db, { organisationId })
  const { rounds, groupings, teams: allTeams } = read
  const executive = read.executive[0] ?? null
  const teams = allTeams.filter(
    (t: Team) =>
      canSee(t.id) &&
      (!filters.line || t.groupingId === filters.line) &&
      (!filters.type || t.teamType === filters.type),
  )
  const figures = await roundFiguresPart(
    db,
    organisationId,
    rounds.map((r) => r.id),
    'totals',
  )
  const assessed = (round: ResultsRound, groupId: string) => figures.get(round.id)?.get(groupId)
  const teamIds = new Set(allTeams.map((t) => t.id))
  const teamRounds = rounds.filter((r) =>
    [...(figures.get(r.id)?.keys() ?? [])].some((id) => teamIds.has(id)),
  )
  const lines = teams.length <= teamLinesUpTo ? teams : []
  // Each round's groups are walked in the order they are kept, not looked up team by team.
  const visible = new Set(teams.map((t) => t.id))
  let previous: ReadonlySet<string> | null = null
  const series = rounds.map((round) => {
    const groups = figures.get(round.id)
    const shown = new Set<string>()
    let sum = 0
    for (const [groupId, group] of groups ?? []) {
      const mean = visible.has(groupId) ? wholeMean(round, group, 'total') : null
      if (mean !== null) {
        shown.add(groupId)
        sum += mean
      }
    }
    const changed =
      shown.size > 0 &&
      previous !== null &&
      (shown.size !== previous.size || [...shown].some((id) => !previous?.has(id)))
    if (shown.size > 0) previous = shown
    return {
      round,
      executive: executive ? totalCell(round, groups?.get(executive.id)) : notAssessed,
      teams: shown.size > 0 ? sum / shown.size : null,
      teamsShown: shown.size,
      teamsChanged: changed,
      each: lines.map((t) => totalCell(round, assessed(round, t.id))),
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
  const [entry, kept] = await Promise.all([
    findInstrument(db, organisationId, round.instrumentSlug, round.instrumentVersion),
    roundFiguresPart(db, organisationId, [round.id], 'scores'),
  ])
  const figures = kept.get(round.id)
  const domains = entry?.instrument.domains ?? []
  const domainKeys = domains.map((d) => d.key)
  return {
    round,
    domains,
    rows: teams.flatMap((team) => {
      const kept = figures?.get(team.id)
      if (!kept) return []
      return [
        {
          team,
          total: cellOf(round, wholeFigure(round, kept, 'total')),
          cells: wholeFigures(round, kept, 'domain', domainKeys).map((f) => cellOf(round, f)),
        },
      ]
    }),
  }
}

export type OverviewData = Awaited<ReturnType<typeof overviewData>>
