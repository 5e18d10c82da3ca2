import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm'
import { chunksOf, insertSlices } from '../chunks'
import type { Db } from '../client'
import { groupBy } from '../collections'
import { jsonList, jsonLists, type ListQuery } from '../json-list'
import type { Bound } from '../prepared'
import { groups, metricPeriods, metrics, metricValues } from '../schema'
import { type Actor, auditInsert } from './audit'

export type Metric = typeof metrics.$inferSelect
export type MetricValue = typeof metricValues.$inferSelect
export type MetricChanges = Omit<
  Metric,
  'id' | 'organisationId' | 'workstreamId' | 'createdAt' | 'estimateInput'
> & { estimateInput?: Metric['estimateInput'] }

/** The metrics of one workstream, one metric, or every metric of the organisation. */
export type WhichMetrics = { workstreamId?: Bound; metricId?: Bound }

const metricsWhere = (organisationId: Bound, { workstreamId, metricId }: WhichMetrics) =>
  and(
    eq(metrics.organisationId, organisationId),
    workstreamId === undefined ? undefined : eq(metrics.workstreamId, workstreamId),
    metricId === undefined ? undefined : eq(metrics.id, metricId),
  )

/** The organisation's metrics (see WhichMetrics), by name. */
export const metricsQuery = (organisationId: Bound, of: WhichMetrics = {}): ListQuery<Metric> => ({
  fields: getTableColumns(metrics),
  from: sql`from ${metrics} where ${metricsWhere(organisationId, of)}`,
  orderBy: sql`${metrics.name}`,
})

export async function listMetrics(db: Db, organisationId: string) {
  return jsonList(db, metricsQuery(organisationId))
}

export async function getMetric(db: Db, organisationId: string, id: string) {
  const [found] = await db
    .select()
    .from(metrics)
    .where(and(eq(metrics.organisationId, organisationId), eq(metrics.id, id)))
  return found ?? null
}

/** A new metric of a workstream, audited; null when the name is taken (nothing stored). */
export async function createMetric(
  db: Db,
  actor: Actor,
  workstreamId: string,
  changes: MetricChanges,
) {
  const id = crypto.randomUUID()
  const [inserted] = await db.batch([
    db
      .insert(metrics)
      .values({
        id,
        organisationId: actor.organisationId,
        workstreamId,
        ...changes,
        createdAt: actor.at.toISOString(),
      })
      .onConflictDoNothing()
      .returning({ id: metrics.id }),
    auditInsert(db, {
      ...actor,
      action: 'metric.created',
      subjectType: 'metric',
      subjectId: id,
      after: { workstreamId, ...changes },
    }),
  ])
  return inserted.length === 1 ? id : null
}

/** One value to record: the organisation's (group '') or a team's, for a metric and period. */
export type ValueEntry = {
  metricId: string
  period: string
  groupId: string
  value: number
  note: string | null
}

/** The value an upsert was given, for the row it updates. */
const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`)

const keyOf = (v: { metricId: string; period: string; groupId: string }) =>
  `${v.metricId}|${v.period}|${v.groupId}`

/**
 * Records values, all in one batch: a value that differs from the one kept replaces it and the
 * audit log keeps both; the same value again changes nothing and records nothing. Returns how
 * many values were new or changed.
 */
export async function saveMetricValues(db: Db, actor: Actor, entries: readonly ValueEntry[]) {
  const kept = new Map<string, MetricValue>()
  for (const [metricId, mine] of groupBy(entries, (e) => e.metricId)) {
    for (const periods of chunksOf([...new Set(mine.map((e) => e.period))], 90)) {
      const rows = await db
        .select()
        .from(metricValues)
        .where(
          and(
            eq(metricValues.organisationId, actor.organisationId),
            eq(metricValues.metricId, metricId),
            inArray(metricValues.period, periods),
          ),
        )
      for (const row of rows) kept.set(keyOf(row), row)
    }
  }
  const changed = entries.filter((e) => {
    const before = kept.get(keyOf(e))
    return !before || before.value !== e.value || (before.note ?? null) !== e.note
  })
  if (changed.length === 0) return 0
  const updatedAt = actor.at.toISOString()
  const upserts = insertSlices(metricValues, changed).map((rows) =>
    db
      .insert(metricValues)
      .values(rows.map((e) => ({ organisationId: actor.organisationId, ...e, updatedAt })))
      .onConflictDoUpdate({
        target: [
          metricValues.organisationId,
          metricValues.metricId,
          metricValues.period,
          metricValues.groupId,
        ],
        set: {
          value: sqlExcluded('value'),
          note: sqlExcluded('note'),
          updatedAt: sqlExcluded('updated_at'),
        },
      }),
  )
  const audits = [...new Set(changed.map((e) => e.metricId))].map((metricId) => {
    const mine = changed.filter((e) => e.metricId === metricId)
    return auditInsert(db, {
      ...actor,
      action: 'metric.values-recorded',
      subjectType: 'metric',
      subjectId: metricId,
      before: mine.flatMap((e) => {
        const before = kept.get(keyOf(e))
        return before
          ? [{ period: e.period, groupId: e.groupId, value: before.value, note: before.note }]
          : []
      }),
      after: mine.map((e) => ({
        period: e.period,
        groupId: e.groupId,
        value: e.value,
        note: e.note,
      })),
    })
  })
  const summaries = [...groupBy(changed, (e) => e.metricId).entries()].flatMap(([metricId, mine]) =>
    chunksOf([...new Set(mine.map((e) => e.period))], 90).map((periods) =>
      periodSummaries(db, actor.organisationId, metricId, periods),
    ),
  )
  const [first, ...rest] = [...upserts, ...summaries, ...audits]
  if (first) await db.batch([first, ...rest])
  return changed.length
}

/**
 * The statement that works out again what these periods of a metric come to, from its values:
 * how many, their total, and how many meet the target (of the teams in scope, not archived, for
 * a per-team metric). Run in the batch that records the values.
 */
function periodSummaries(db: Db, organisationId: string, metricId: string, periods: string[]) {
  const meets = sql`case ${metrics.comparator}
    when '>=' then ${metricValues.value} >= ${metrics.targetValue}
    when '<=' then ${metricValues.value} <= ${metrics.targetValue}
    when '>' then ${metricValues.value} > ${metrics.targetValue}
    when '<' then ${metricValues.value} < ${metrics.targetValue}
    else ${metricValues.value} = ${metrics.targetValue} end`
  return db
    .insert(metricPeriods)
    .select(
      sql`select ${metricValues.organisationId}, ${metricValues.metricId}, ${metricValues.period},
        count(*), sum(${metricValues.value}), sum(${meets})
      from ${metricValues} join ${metrics} on ${metrics.id} = ${metricValues.metricId}
      where ${metricValues.organisationId} = ${organisationId} and ${metricValues.metricId} = ${metricId}
        and ${inArray(metricValues.period, periods)}
        and (${metrics.scope} = 'organisation' or ${metricValues.groupId} in (
          select ${groups.id} from ${groups} where ${groups.organisationId} = ${organisationId}
            and ${groups.kind} = 'team' and ${groups.archivedAt} is null))
      group by ${metricValues.period}`,
    )
    .onConflictDoUpdate({
      target: [metricPeriods.organisationId, metricPeriods.metricId, metricPeriods.period],
      set: {
        valuesCount: sqlExcluded('values_count'),
        total: sqlExcluded('total'),
        meeting: sqlExcluded('meeting'),
      },
    })
}

/**
 * What each period of the metrics (see WhichMetrics) comes to: every period, or each metric's
 * latest, in no order. Each metric first, then its periods: a seek a metric, not a scan.
 */
export const metricPeriodsQuery = (
  organisationId: Bound,
  of: WhichMetrics,
  { latestOnly = false }: { latestOnly?: boolean } = {},
): ListQuery<MetricPeriod> => ({
  fields: {
    metricId: metricPeriods.metricId,
    period: metricPeriods.period,
    valuesCount: metricPeriods.valuesCount,
    total: metricPeriods.total,
    meeting: metricPeriods.meeting,
  },
  from: sql`from ${metrics} cross join ${metricPeriods}
    on ${metricPeriods.organisationId} = ${metrics.organisationId}
    and ${metricPeriods.metricId} = ${metrics.id}
    ${
      latestOnly
        ? sql`and ${metricPeriods.period} = (select max(latest.period) from ${metricPeriods} latest
            where latest.organisation_id = ${metrics.organisationId} and latest.metric_id = ${metrics.id})`
        : sql``
    }
    where ${metricsWhere(organisationId, of)}`,
})

/** As metricPeriodsQuery, by metric then oldest period first. */
export async function listMetricPeriods(
  db: Db,
  organisationId: string,
  of: WhichMetrics,
  options: { latestOnly?: boolean } = {},
) {
  const periods = await jsonList(db, metricPeriodsQuery(organisationId, of, options))
  return periods.sort(byMetricAndPeriod)
}

const byMetricAndPeriod = (a: MetricPeriod, b: MetricPeriod) =>
  a.metricId < b.metricId
    ? -1
    : a.metricId > b.metricId
      ? 1
      : a.period < b.period
        ? -1
        : a.period > b.period
          ? 1
          : 0

export type MetricPeriod = Omit<typeof metricPeriods.$inferSelect, 'organisationId'>

/** A metric's values at one period: the organisation's, or every team's. */
export async function valuesAt(db: Db, organisationId: string, metricId: string, period: string) {
  return db
    .select()
    .from(metricValues)
    .where(
      and(
        eq(metricValues.organisationId, organisationId),
        eq(metricValues.metricId, metricId),
        eq(metricValues.period, period),
      ),
    )
}

/** Every metric of the organisation with every period's summary, in one statement. */
export async function listMetricsAndPeriods(db: Db, organisationId: string) {
  return jsonLists(db, {
    metrics: metricsQuery(organisationId),
    periods: metricPeriodsQuery(organisationId, {}),
  })
}
