import type { RoundRules } from '../../instruments/results'
import type { Db } from '../client'
import { type ListQuery, preparedLists } from '../json-list'
import { type Bound, slot } from '../prepared'
import { rounds } from '../schema'
import { teamsInScopeQuery } from './groups'
import { type Metric, type MetricPeriod, metricPeriodsQuery, metricsQuery } from './metrics'
import { executiveQuery } from './organisations'
import { closedRoundsQuery } from './results'
import { type Objective, objectivesQuery, type Workstream, workstreamsQuery } from './strategy'

/**
 * What the strategy pages show: workstreams with their objectives and metrics, each metric's
 * periods, and how many teams a per-team metric counts (those not archived).
 */
export type StrategyRead = {
  workstreams: Workstream[]
  objectives: Objective[]
  metrics: Metric[]
  periods: MetricPeriod[]
  teamsInScope: number
}

/** A closed round with what its scores need, not every column. */
export type ScoredRound = RoundRules & { id: string; name: string }

const organisationId = slot('organisationId')

const strategyQueries = (workstreamId: Bound | undefined, history: boolean) => ({
  workstreams: workstreamsQuery(organisationId, workstreamId),
  objectives: objectivesQuery(organisationId, workstreamId),
  metrics: metricsQuery(organisationId, { workstreamId }),
  periods: metricPeriodsQuery(organisationId, { workstreamId }, { latestOnly: !history }),
  teamsInScope: teamsInScopeQuery(organisationId),
})

const { from, orderBy } = closedRoundsQuery(organisationId)
const scoredRoundsQuery: ListQuery<ScoredRound> = {
  fields: {
    id: rounds.id,
    name: rounds.name,
    mode: rounds.mode,
    anonymityThreshold: rounds.anonymityThreshold,
  },
  from,
  orderBy,
}

// Each page's lists in one statement, compiled once for each database.
const overviewRead = preparedLists(strategyQueries(undefined, false))
const workstreamRead = preparedLists({
  ...strategyQueries(slot('workstreamId'), true),
  rounds: scoredRoundsQuery,
  executive: executiveQuery(organisationId),
})

const countIn = (rows: { count: number }[]) => rows[0]?.count ?? 0

/** Every workstream, each metric with its latest period only: enough for its status, not a run chart. */
export async function readStrategy(db: Db, organisationId: string): Promise<StrategyRead> {
  const { teamsInScope, ...read } = await overviewRead(db, { organisationId })
  return { ...read, teamsInScope: countIn(teamsInScope) }
}

/**
 * One workstream (none when it is not the organisation's) with every period of its metrics, and
 * what its linked domains' scores need: the closed rounds and the executive.
 */
export async function readWorkstream(db: Db, organisationId: string, workstreamId: string) {
  const { teamsInScope, executive, ...read } = await workstreamRead(db, {
    organisationId,
    workstreamId,
  })
  return { ...read, teamsInScope: countIn(teamsInScope), executive: executive[0] ?? null }
}
