import type { Db } from '../../db/client'
import { preparedLists } from '../../db/json-list'
import { slot } from '../../db/prepared'
import { groupingsOf, type Team, teamsOf } from '../../db/queries/groups'
import { findInstrument } from '../../db/queries/instruments'
import { executiveOf } from '../../db/queries/organisations'
import {
  closedRoundsOf,
  type KeptRound,
  packedScoreSums,
  type ResultsRound,
} from '../../db/queries/results'
import { meanOfShown, type RoundRules, type ScoreSums } from '../../instruments/results'
import { groupBy } from '../collections'
import { figuresOf, memoised } from './kept'

export type OverviewFilters = {
  line?: string | undefined
  type?: string | undefined
  round?: string | undefined
}

/** What a cell of results shows: a value, "fewer than k", or that the group was not assessed. */
export type Cell = { value: number | null; suppressed: number | null }
export const notAssessed: Cell = { value: null, suppressed: null }

/** A group's cells for these measures at a round, from its sums, rule 6 applied. */
export function cellsOf(
  round: RoundRules,
  member: boolean,
  sums: readonly ScoreSums[] | undefined,
  measures: readonly string[] = ['total'],
): Cell[] {
  return measures.map((measure) => cellOf(round, member, sums, measure))
}

/** A group's total (or one domain) at a round, from its sums, rule 6 applied. */
export function cellOf(
  round: RoundRules,
  member: boolean,
  sums: readonly ScoreSums[] | undefined,
  measure = 'total',
): Cell {
  if (!member) return notAssessed
  const figures = figuresOf(round, sums)
  if (!figures.shown) return { value: null, suppressed: round.anonymityThreshold }
  const summary = measure === 'total' ? figures.total : figures.domains[measure]
  return { value: summary?.mean ?? null, suppressed: null }
}

const noTotals: KeptRound<ScoreSums> = new Map()
const noTotalCells: ReadonlyMap<string, Cell> = new Map()

/** Every group's total at a closed round, rule 6 applied: worked out once for the kept sums. */
const totalsOf = memoised(
  (round: KeptRound<ScoreSums>, rules: RoundRules) =>
    new Map([...round].map(([groupId, sums]) => [groupId, cellOf(rules, true, sums)])),
)

/** Rounds are twice-yearly: those opening in the same half of a year are one point in time. */
export function halfYearOf(isoDate: string) {
  const year = isoDate.slice(0, 4)
  return Number(isoDate.slice(5, 7)) <= 6 ? `Jan–Jun ${year}` : `Jul–Dec ${year}`
}

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
 * never holding a suppressed team) half-year by half-year, and a heatmap of teams by domain for
 * one round. A handful of queries whatever the number of answers or rounds.
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
  // A group a closed round assessed has kept results, even with no responses: that is membership.
  const sums = await packedScoreSums(
    db,
    organisationId,
    rounds.map((r) => r.id),
  )
  const execRounds = new Set(
    rounds.filter((r) => executive && sums.has(r.id, executive.id)).map((r) => r.id),
  )
  const teamRounds = rounds.filter((r) => !execRounds.has(r.id))
  const totalsAt = (round: ResultsRound) => totalsOf(sums.round(round.id) ?? noTotals, round)
  const lines = teams.length <= teamLinesUpTo ? teams : []
  const series = [...groupBy(rounds, (r) => halfYearOf(r.opensOn)).entries()].map(
    ([period, inPeriod]) => {
      const execRound = inPeriod.find((r) => execRounds.has(r.id))
      const teamRound = inPeriod.find((r) => !execRounds.has(r.id))
      const totals = teamRound ? totalsAt(teamRound) : noTotalCells
      const cells = teams.map((t) => totals.get(t.id) ?? notAssessed)
      const shown = cells.filter((cell) => cell.value !== null)
      return {
        period,
        executive:
          execRound && executive
            ? cellOf(execRound, true, sums.get(execRound.id, executive.id))
            : notAssessed,
        teams: meanOfShown(shown.map((cell) => cell.value)),
        teamsShown: shown.length,
        each: lines.map((t) => totals.get(t.id) ?? notAssessed),
      }
    },
  )
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

/** Teams by domain at one round: one row of cells a team, rule 6 applied to each. */
async function heatmapOf(
  db: Db,
  organisationId: string,
  round: ResultsRound,
  teams: readonly Team[],
) {
  const [entry, sums] = await Promise.all([
    findInstrument(db, organisationId, round.instrumentSlug, round.instrumentVersion),
    packedScoreSums(db, organisationId, [round.id]),
  ])
  const domains = entry?.instrument.domains ?? []
  return {
    round,
    domains,
    rows: teams
      .filter((t) => sums.has(round.id, t.id))
      .map((team) => {
        const [total = notAssessed, ...cells] = cellsOf(round, true, sums.get(round.id, team.id), [
          'total',
          ...domains.map((d) => d.key),
        ])
        return { team, total, cells }
      }),
  }
}

export type OverviewData = Awaited<ReturnType<typeof overviewData>>
