import { type RunChart, type Signal, type Target, targetMet } from './run-chart'

export const monthlyPeriod = /^(\d{4})-(0[1-9]|1[0-2])$/
export const quarterlyPeriod = /^(\d{4})-Q([1-4])$/

const monthNames = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const

/** A period as people read it: "May 2026", or a calendar quarter as "Apr–Jun 2026". */
export function periodLabel(period: string): string {
  const month = monthlyPeriod.exec(period)
  if (month) return `${monthNames[Number(month[2]) - 1]} ${month[1]}`
  const quarter = quarterlyPeriod.exec(period)
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3
    return `${monthNames[first]}–${monthNames[first + 2]} ${quarter[1]}`
  }
  return period
}

/** The period holding a day (YYYY-MM-DD), at a metric's cadence. */
export function periodOf(isoDate: string, cadence: 'monthly' | 'quarterly'): string {
  const year = isoDate.slice(0, 4)
  const month = Number(isoDate.slice(5, 7))
  return cadence === 'monthly' ? isoDate.slice(0, 7) : `${year}-Q${Math.floor((month - 1) / 3) + 1}`
}

export type Coverage = {
  meeting: number
  inScope: number
  /** 0–100; null when no team is in scope. */
  percent: number | null
  /** Teams in scope not meeting the target, those with no value among them. */
  below: string[]
  /** Teams in scope with no value for the period. */
  missing: string[]
}

/**
 * A per-team target's coverage at one period: teams meeting it of the teams in scope. A team with
 * no value recorded does not meet it, and is listed as such.
 */
export function coverage(
  teamIds: readonly string[],
  values: ReadonlyMap<string, number>,
  target: Target,
): Coverage {
  const missing = teamIds.filter((id) => !values.has(id))
  const below = teamIds.filter((id) => {
    const value = values.get(id)
    return value === undefined || !targetMet(value, target)
  })
  const meeting = teamIds.length - below.length
  return {
    meeting,
    inScope: teamIds.length,
    percent: teamIds.length > 0 ? (meeting / teamIds.length) * 100 : null,
    below,
    missing,
  }
}

export type MetricStatus = 'met' | 'not yet met' | 'missed' | 'no data'

/**
 * Status against target and due date: met when the latest value meets it; missed when it does not
 * and the due date has passed; not yet met before then.
 */
export function metricStatus(
  latest: number | null,
  target: Target,
  dueOn: string,
  today: string,
): MetricStatus {
  if (latest === null) return dueOn < today ? 'missed' : 'no data'
  if (targetMet(latest, target)) return 'met'
  return dueOn < today ? 'missed' : 'not yet met'
}

export type ObjectiveStatus = 'not-started' | 'on-track' | 'at-risk' | 'off-track' | 'done'
export type WorkstreamStatus = 'not started' | 'on track' | 'at risk' | 'off track' | 'done'

/** An objective past its due date and not done. */
export const overdue = (objective: { status: ObjectiveStatus; dueOn: string }, today: string) =>
  objective.status !== 'done' && objective.dueOn < today

/**
 * A workstream's status from its objectives and metrics: off track when an objective is off track
 * or overdue, or a metric missed its target; at risk when an objective is at risk; done when every
 * objective is done and every metric met; not started while no objective has started and no
 * metric has a value; on track otherwise.
 */
export function workstreamStatus(
  objectives: readonly { status: ObjectiveStatus; dueOn: string }[],
  metrics: readonly MetricStatus[],
  today: string,
): WorkstreamStatus {
  if (
    objectives.some((o) => o.status === 'off-track' || overdue(o, today)) ||
    metrics.includes('missed')
  )
    return 'off track'
  if (objectives.some((o) => o.status === 'at-risk')) return 'at risk'
  if (
    objectives.length + metrics.length > 0 &&
    objectives.every((o) => o.status === 'done') &&
    metrics.every((m) => m === 'met')
  )
    return 'done'
  if (objectives.every((o) => o.status === 'not-started') && metrics.every((m) => m === 'no data'))
    return 'not started'
  return 'on track'
}

/** Whether a unit is a share (a percentage), which adds up to nothing across teams. */
export const isShare = (unit: string) => /^\s*%\s*$|percent/i.test(unit)

/**
 * What a per-team metric comes to across the organisation: counts add up to a total; shares (a
 * percentage in each team) are averaged over the teams with a value, since adding them means
 * nothing.
 */
export function acrossTeams(unit: string, total: number, teams: number) {
  if (!isShare(unit)) return { words: 'Organisation total', value: total }
  return {
    words: `Average of the ${teams} ${teams === 1 ? 'team' : 'teams'} with a value`,
    value: teams > 0 ? total / teams : null,
  }
}

const signalWords: Record<Signal, string> = {
  'shift-up': 'a shift upwards',
  'shift-down': 'a shift downwards',
  'trend-up': 'a rising trend',
  'trend-down': 'a falling trend',
  'above-limit': 'a point above the upper limit',
  'below-limit': 'a point below the lower limit',
}

/**
 * The signals of rule 11 (docs/rules.md) in plain words, the latest first: a run that reaches the latest point is
 * "since" its first period ("a shift upwards since May 2026"); an earlier run gives its span; a
 * point outside the limits gives its period.
 */
export function describeSignals(chart: RunChart, periods: readonly string[]): string[] {
  const sentences: { at: number; text: string }[] = []
  const last = chart.points.length - 1
  for (const signal of Object.keys(signalWords) as Signal[]) {
    let start = -1
    for (let i = 0; i <= chart.points.length; i++) {
      const on = chart.points[i]?.signals.includes(signal) ?? false
      if (on && start < 0) start = i
      if (!on && start >= 0) {
        const end = i - 1
        const from = periodLabel(periods[start] ?? '')
        const to = periodLabel(periods[end] ?? '')
        const text =
          signal === 'above-limit' || signal === 'below-limit'
            ? `${signalWords[signal].replace('a point', start === end ? 'a point' : 'points')} in ${start === end ? from : `${from} to ${to}`}`
            : end === last
              ? `${signalWords[signal]} since ${from}`
              : `${signalWords[signal]} from ${from} to ${to}`
        sentences.push({ at: end, text })
        start = -1
      }
    }
  }
  return sentences.sort((a, b) => b.at - a.at).map((s) => s.text)
}

export type PeerSupportInputs = {
  /** Peer support workers, full-time equivalent. */
  fte: number
  /** Annual cost of one full-time peer support worker, £ (salary, on-costs, supervision). */
  costPerFte: number
  clientsSupported: number
  contacts: number
  /** Inpatient bed days avoided in the year. */
  bedDaysAvoided: number
  costPerBedDay: number
}

/**
 * The peer support value estimate: the cost of the workers against the bed days avoided at the
 * cost per bed day, over one year.
 */
export function peerSupportValue(inputs: PeerSupportInputs) {
  const cost = inputs.fte * inputs.costPerFte
  const saving = inputs.bedDaysAvoided * inputs.costPerBedDay
  return {
    cost,
    saving,
    net: saving - cost,
    returnPerPound: cost > 0 ? saving / cost : null,
    costPerClient: inputs.clientsSupported > 0 ? cost / inputs.clientsSupported : null,
    costPerContact: inputs.contacts > 0 ? cost / inputs.contacts : null,
  }
}
