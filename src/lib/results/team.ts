import type { Db } from '../../db/client'
import { cached } from '../../db/closed-rounds-cache'
import { listPriorities } from '../../db/queries/action-plans'
import { listComments } from '../../db/queries/comments'
import { groupsFiguresPart } from '../../db/queries/figure-parts'
import type { Team } from '../../db/queries/groups'
import { getInstrument } from '../../db/queries/instruments'
import { listRoundFigures, type ResultsRound } from '../../db/queries/results'
import { readRoundsAndExecutive } from '../../db/queries/results-scope'
import type { Instrument } from '../../instruments/definition'
import { perceptionGaps, perspectiveGaps } from '../../instruments/gaps'
import { groupResults, wholeFigure } from '../../instruments/group-results'
import type { Figure, FigureKind, KeptGroup, RoundRules } from '../../instruments/results'

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

/** A slice's domain means by key, null where a figure may not show. */
export const meansOf = (
  keys: readonly string[],
  domains: Readonly<Record<string, Figure | null>>,
) => Object.fromEntries(keys.map((k) => [k, domains[k]?.mean ?? null]))

/** A group's total and domain scores of everyone together at a round, rule 6 (docs/rules.md) applied to each. */
function wholeScores(round: RoundRules, group: KeptGroup | undefined, keys: readonly string[]) {
  const figure = (kind: FigureKind, key?: string) => wholeFigure(round, group, kind, key)
  return {
    total: figure('total'),
    domains: Object.fromEntries(keys.map((key) => [key, figure('domain', key)])),
  }
}

/**
 * A team's figures at a closed round, every perspective and question, rules applied: read once
 * and kept, as the round's figures never change.
 */
const chosenResults = (
  db: Db,
  organisationId: string,
  round: ResultsRound,
  teamId: string,
  instrument: Instrument | null,
) =>
  cached(`team|${organisationId}|${round.id}|${teamId}`, async () => {
    const rows = await listRoundFigures(db, organisationId, {
      roundIds: [round.id],
      groupIds: [teamId],
    })
    const domainKeys = instrument?.domains.map((d) => d.key) ?? []
    return {
      value: groupResults(round, rows, { domainKeys, ...(instrument ? { instrument } : {}) }),
      size: rows.length,
    }
  })

/**
 * One team over time: its total and domain scores at each closed round, its questions at one
 * round, the executive's domain scores beside its own (rule 10), staff beside people using the
 * service where both may be shown, comments where enough responded, and its action plan; every
 * figure passed through rule 6 on its own.
 */
export async function teamData(
  db: Db,
  organisationId: string,
  team: Team,
  roundId: string | undefined,
  { withHiddenComments = false }: { withHiddenComments?: boolean } = {},
) {
  const { rounds: all, executive } = await readRoundsAndExecutive(db, organisationId)
  // The team's and the executive's scores at every round; the chosen round's figures in full below.
  const kept = await groupsFiguresPart(
    db,
    organisationId,
    all.map((r) => r.id),
    executive ? [team.id, executive.id] : [team.id],
    'scores',
  )
  const rounds = all.filter((r) => kept.get(r.id)?.has(team.id))
  const chosenRound = rounds.find((r) => r.id === roundId) ?? rounds.at(-1) ?? null
  if (!chosenRound) return { rounds, overTime: [], chosen: null }
  const entry = await getInstrument(
    db,
    organisationId,
    chosenRound.instrumentSlug,
    chosenRound.instrumentVersion,
  )
  const instrument = entry?.instrument ?? null
  const domainKeys = instrument?.domains.map((d) => d.key) ?? []
  const overTime = rounds.map((round) => ({
    round,
    ...wholeScores(round, kept.get(round.id)?.get(team.id), domainKeys),
  }))
  const results = await chosenResults(db, organisationId, chosenRound, team.id, instrument)
  const execRound = executive
    ? nearestRound(
        all.filter((r) => kept.get(r.id)?.has(executive.id)),
        chosenRound,
      )
    : null
  const execFigures =
    execRound && executive
      ? wholeScores(execRound, kept.get(execRound.id)?.get(executive.id), domainKeys)
      : null
  const staff = results.perspectives.staff
  const people = results.perspectives['person-using-service']
  const index = rounds.indexOf(chosenRound)
  const previous = rounds[index - 1] ?? null
  const commentsShown =
    chosenRound.mode === 'individual' &&
    (results.all.responses ?? 0) >= chosenRound.commentThreshold
  const [plan, previousPlan, comments] = await Promise.all([
    listPriorities(db, organisationId, team.id, chosenRound.id),
    previous ? listPriorities(db, organisationId, team.id, previous.id) : [],
    commentsShown
      ? listComments(db, organisationId, chosenRound.id, team.id, {
          withHidden: withHiddenComments,
        })
      : null,
  ])
  return {
    rounds,
    overTime,
    chosen: {
      round: chosenRound,
      results,
      instrument,
      executive:
        execRound && execFigures
          ? {
              round: execRound,
              gaps: perceptionGaps(domainKeys, meansOf(domainKeys, execFigures.domains), [
                meansOf(domainKeys, results.all.domains),
              ]),
            }
          : null,
      perspectives:
        staff && people && (staff.responses ?? 0) > 0 && (people.responses ?? 0) > 0
          ? perspectiveGaps(
              domainKeys,
              meansOf(domainKeys, staff.domains),
              meansOf(domainKeys, people.domains),
            )
          : null,
      comments,
      plan,
      previous: previous ? { round: previous, plan: previousPlan } : null,
    },
  }
}

export type TeamData = Awaited<ReturnType<typeof teamData>>
