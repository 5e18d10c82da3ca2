import type { Db } from '../db/client'
import { listDomainMeans } from '../db/queries/group-means'
import type { Team } from '../db/queries/groups'
import type { Metric, MetricPeriod, MetricValue } from '../db/queries/metrics'
import type { Objective, Workstream } from '../db/queries/strategy'
import { readStrategy, type ScoredRound, type StrategyRead } from '../db/queries/strategy-pages'
import { withThresholds } from '../instruments/results'
import { type RunChart, runChart, type Target } from '../instruments/run-chart'
import {
  type Coverage,
  coverage,
  describeSignals,
  type MetricStatus,
  metricStatus,
  overdue,
  type WorkstreamStatus,
  workstreamStatus,
} from '../instruments/strategy'

type Point = {
  period: string
  value: number
  total: number
  /** How many teams' values the total adds up (a per-team metric). */
  count: number
  coverage: Coverage | null
}

export type MetricSummary = {
  metric: Metric
  /** Each period with a value, oldest first: the organisation's value, or a per-team metric's coverage. */
  series: Point[]
  chart: RunChart
  signals: string[]
  /** What the series is measured against: the metric's target, or the coverage target. */
  target: Target
  latest: Point | null
  status: MetricStatus
}

/** A metric's own target: for a per-team metric, what each team is to reach. */
export const teamTarget = (metric: Metric): Target => ({
  comparator: metric.comparator,
  value: metric.targetValue,
})

/** The teams a per-team metric counts: those not archived. */
export const teamsInScope = (teams: readonly Team[]) => teams.filter((t) => !t.archivedAt)

/**
 * A metric's run chart and status (rule 11 in docs/rules.md) from what each period comes to: an organisation metric
 * charts its values; a per-team metric charts its coverage (the percentage of the teams in scope
 * meeting the team target) with the organisation total beside it. Given the teams in scope and
 * the latest period's values of every team, its coverage comes with the teams below target.
 */
export function summariseMetric(
  metric: Metric,
  periods: readonly MetricPeriod[],
  teamsInScope: number,
  today: string,
  latestOf?: { inScope: readonly string[]; values: readonly MetricValue[] },
): MetricSummary {
  const series: Point[] = periods
    .filter((p) => p.metricId === metric.id)
    .map((p) => ({
      period: p.period,
      value:
        metric.scope === 'organisation'
          ? p.total
          : teamsInScope > 0
            ? (p.meeting / teamsInScope) * 100
            : 0,
      total: p.total,
      count: p.valuesCount,
      coverage: null,
    }))
  series.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
  const latest = series.at(-1) ?? null
  if (latest && metric.scope === 'team' && latestOf) {
    latest.coverage = coverage(
      latestOf.inScope,
      new Map(
        latestOf.values.filter((v) => v.period === latest.period).map((v) => [v.groupId, v.value]),
      ),
      teamTarget(metric),
    )
  }
  const chart = runChart(series.map((p) => p.value))
  const target: Target =
    metric.scope === 'organisation'
      ? teamTarget(metric)
      : { comparator: '>=', value: metric.coverageTarget ?? 100 }
  return {
    metric,
    series,
    chart,
    signals: describeSignals(
      chart,
      series.map((p) => p.period),
    ),
    target,
    latest,
    status: metricStatus(latest?.value ?? null, target, metric.dueOn, today),
  }
}

export type WorkstreamSummary = {
  workstream: Workstream
  objectives: Objective[]
  metrics: MetricSummary[]
  status: WorkstreamStatus
  overdue: Objective[]
  offTarget: MetricSummary[]
}

/**
 * Each workstream with its objectives, its metrics summarised and its status: what the strategy
 * lead takes to the board. Without history, each metric's series holds its latest period only:
 * enough for its status, not for a run chart.
 */
export function summariseStrategy(
  { workstreams, objectives, metrics, periods, teamsInScope }: StrategyRead,
  today: string,
) {
  const summaries = metrics.map((m) => summariseMetric(m, periods, teamsInScope, today))
  return {
    workstreams: workstreams.map((workstream): WorkstreamSummary => {
      const own = objectives.filter((o) => o.workstreamId === workstream.id)
      const measured = summaries.filter((m) => m.metric.workstreamId === workstream.id)
      return {
        workstream,
        objectives: own,
        metrics: measured,
        status: workstreamStatus(
          own,
          measured.map((m) => m.status),
          today,
        ),
        overdue: own.filter((o) => overdue(o, today)),
        offTarget: measured.filter((m) => m.status === 'missed' || m.status === 'not yet met'),
      }
    }),
  }
}

/** Every workstream with its status, overdue objectives and metrics off target. */
export async function strategyOverview(db: Db, organisationId: string, today: string) {
  return summariseStrategy(await readStrategy(db, organisationId), today)
}

export type StrategyOverview = Awaited<ReturnType<typeof strategyOverview>>

/** The linked domains' scores at every closed round (see listDomainMeans). */
export async function linkedDomainScores(
  db: Db,
  organisationId: string,
  domainKeys: readonly string[],
  { rounds, executive }: { rounds: ScoredRound[]; executive: { id: string } | null },
) {
  if (domainKeys.length === 0) return []
  const means = await listDomainMeans(
    db,
    organisationId,
    withThresholds(rounds),
    domainKeys,
    executive?.id ?? null,
  )
  return rounds.map((round) => {
    const at = means.get(round.id)
    return {
      round,
      who: at?.executive ? 'Executive' : `Teams (mean of ${at?.shown ?? 0} shown)`,
      scores: domainKeys.map((key) => at?.means.get(key) ?? null),
    }
  })
}
