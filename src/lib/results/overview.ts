import type { Db } from '../../db/client'
import { listGroupings, listTeams, type Team } from '../../db/queries/groups'
import { findInstrument } from '../../db/queries/instruments'
import { getExecutiveGroup } from '../../db/queries/organisations'
import { type GroupScoreSums, scoreSums } from '../../db/queries/results'
import { listRounds, type RoundSummary } from '../../db/queries/rounds'
import { groupFigures, meanOfShown } from '../../instruments/results'
import { groupBy } from '../collections'

export type OverviewFilters = {
  line?: string | undefined
  type?: string | undefined
  round?: string | undefined
}

/** What a cell of results shows: a value, "fewer than k", or that the group was not assessed. */
export type Cell = { value: number | null; suppressed: number | null }

/** The groups a round assessed, and the sums of each, keyed by round and group. */
export function figuresOf(rounds: readonly RoundSummary[], rows: readonly GroupScoreSums[]) {
  const byRoundGroup = groupBy(rows, (r) => `${r.roundId}|${r.groupId}`)
  const members = new Map(rounds.map((r) => [r.id, new Set(r.groupIds)]))
  return (round: RoundSummary, groupId: string, measure = 'total'): Cell => {
    if (!members.get(round.id)?.has(groupId)) return { value: null, suppressed: null }
    const figures = groupFigures(round, byRoundGroup.get(`${round.id}|${groupId}`) ?? [])
    if (!figures.shown) return { value: null, suppressed: round.anonymityThreshold }
    const summary = measure === 'total' ? figures.total : figures.domains[measure]
    return { value: summary?.mean ?? null, suppressed: null }
  }
}

/** Rounds are twice-yearly: those opening in the same half of a year are one point in time. */
export function halfYearOf(isoDate: string) {
  const year = isoDate.slice(0, 4)
  return Number(isoDate.slice(5, 7)) <= 6 ? `Jan–Jun ${year}` : `Jul–Dec ${year}`
}

export async function closedRounds(db: Db, organisationId: string) {
  return (await listRounds(db, organisationId))
    .filter((r) => r.status === 'closed')
    .sort((a, b) => a.opensOn.localeCompare(b.opensOn) || a.name.localeCompare(b.name))
}

/**
 * The organisation overview: the executive's total and the teams' (the mean of the teams shown,
 * never holding a suppressed team) round by round, and a heatmap of teams by domain for one round.
 */
export async function overviewData(
  db: Db,
  organisationId: string,
  filters: OverviewFilters,
  canSee: (teamId: string) => boolean,
) {
  const [rounds, executive, allTeams, groupings] = await Promise.all([
    closedRounds(db, organisationId),
    getExecutiveGroup(db, organisationId),
    listTeams(db, organisationId),
    listGroupings(db, organisationId),
  ])
  const teams = allTeams.filter(
    (t: Team) =>
      canSee(t.id) &&
      (!filters.line || t.groupingId === filters.line) &&
      (!filters.type || t.teamType === filters.type),
  )
  const totals = figuresOf(
    rounds,
    await scoreSums(
      db,
      organisationId,
      rounds.map((r) => r.id),
      { measure: 'total' },
    ),
  )
  const notAssessed: Cell = { value: null, suppressed: null }
  const series = [...groupBy(rounds, (r) => halfYearOf(r.opensOn)).entries()].map(
    ([period, inPeriod]) => {
      const cellOf = (groupId: string) => {
        const round = inPeriod.find((r) => r.groupIds.includes(groupId))
        return round ? totals(round, groupId) : notAssessed
      }
      const cells = teams.map((t) => cellOf(t.id))
      return {
        period,
        rounds: inPeriod,
        executive: executive ? cellOf(executive.id) : notAssessed,
        teams: meanOfShown(cells.map((c) => c.value)),
        teamsShown: cells.filter((c) => c.value !== null).length,
        teamsSuppressed: cells.filter((c) => c.suppressed !== null).length,
        each: cells,
      }
    },
  )
  const teamRounds = rounds.filter((r) => r.groupIds.some((id) => id !== executive?.id))
  const heatRound = teamRounds.find((r) => r.id === filters.round) ?? teamRounds.at(-1) ?? null
  const entry = heatRound
    ? await findInstrument(
        db,
        organisationId,
        heatRound.instrumentSlug,
        heatRound.instrumentVersion,
      )
    : null
  const heat = heatRound
    ? figuresOf([heatRound], await scoreSums(db, organisationId, [heatRound.id]))
    : null
  const domains = entry?.instrument.domains ?? []
  return {
    rounds,
    teamRounds,
    groupings,
    teams,
    series,
    heatmap:
      heatRound && heat
        ? {
            round: heatRound,
            domains,
            rows: teams
              .filter((t) => heatRound.groupIds.includes(t.id))
              .map((t) => ({
                team: t,
                total: heat(heatRound, t.id),
                cells: domains.map((d) => heat(heatRound, t.id, d.key)),
              })),
          }
        : null,
  }
}

export type OverviewData = Awaited<ReturnType<typeof overviewData>>
