/**
 * A network's benchmark: where members stand against each other without exposing any of them.
 * Each member contributes, per benchmark period, one figure per domain and for the total, and
 * only figures that already show inside it (rule 6). A network figure shows only when at least
 * k_org organisations contribute; each period's figures are worked out once, when the period is
 * frozen, from the members of that moment, and never again: a member joining or leaving later
 * changes no published figure, so nothing can be recovered by subtracting one from another.
 */

/** The least number of organisations behind a network figure: 5 by default, never below 3. */
export const kOrgDefault = 5
export const kOrgMinimum = 3

/** One member's figure for one measure (a domain or the total) in a period; never named on. */
export type Contribution = { organisationId: string; value: number }

export type Distribution =
  | {
      shown: true
      organisations: number
      min: number
      lowerQuartile: number
      median: number
      upperQuartile: number
      max: number
    }
  | { shown: false; organisations: number }

/**
 * The p-quantile of sorted values, interpolating between the two nearest (the method of R's
 * default and of spreadsheets' QUARTILE.INC): position p × (n − 1) from the smallest.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('No values')
  const position = p * (sorted.length - 1)
  const below = Math.floor(position)
  const lower = sorted[below] as number
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number
  return lower + (upper - lower) * (position - below)
}

/**
 * The network's distribution of one measure: median, quartiles and range of the members' figures,
 * one figure an organisation (the first given, should one come twice); only the count when fewer
 * than k_org organisations contribute.
 */
export function networkDistribution(
  contributions: readonly Contribution[],
  kOrg: number = kOrgDefault,
): Distribution {
  const byOrganisation = new Map<string, number>()
  for (const c of contributions)
    if (Number.isFinite(c.value) && !byOrganisation.has(c.organisationId))
      byOrganisation.set(c.organisationId, c.value)
  const sorted = [...byOrganisation.values()].sort((a, b) => a - b)
  const organisations = sorted.length
  if (organisations < Math.max(kOrg, kOrgMinimum)) return { shown: false, organisations }
  return {
    shown: true,
    organisations,
    min: sorted[0] as number,
    lowerQuartile: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    upperQuartile: quantile(sorted, 0.75),
    max: sorted[organisations - 1] as number,
  }
}

export type Standing = 'top quarter' | 'middle half' | 'bottom quarter'

/** Where a member's own figure falls in a shown distribution, by its quartiles. */
export function standingIn(value: number, distribution: Distribution & { shown: true }): Standing {
  if (value >= distribution.upperQuartile && value > distribution.lowerQuartile)
    return 'top quarter'
  if (value <= distribution.lowerQuartile && value < distribution.upperQuartile)
    return 'bottom quarter'
  return 'middle half'
}

/** "in the top quarter of 9 trusts": a member's standing in words. */
export const standingWords = (value: number, distribution: Distribution & { shown: true }) =>
  `in the ${standingIn(value, distribution)} of ${distribution.organisations} organisations`

/** A frozen period: each measure's distribution, worked out once from the members of that moment. */
export type FrozenPeriod = {
  period: string
  members: number
  measures: Readonly<Record<string, Distribution>>
}

/**
 * Freezes a period from the contributions of the organisations that are members when it is
 * frozen: a contribution of any other organisation is left out. What this returns is what the
 * network publishes for the period, for good.
 */
export function freezePeriod(
  period: string,
  members: ReadonlySet<string>,
  contributions: Readonly<Record<string, readonly Contribution[]>>,
  kOrg: number = kOrgDefault,
): FrozenPeriod {
  const measures: Record<string, Distribution> = {}
  for (const [measure, given] of Object.entries(contributions))
    measures[measure] = networkDistribution(
      given.filter((c) => members.has(c.organisationId)),
      kOrg,
    )
  return { period, members: members.size, measures }
}

export type Whose = 'executive' | 'teams'

/**
 * A measure a network compares: an instrument (by slug), whose figure (the executive's, or the
 * teams' together), and a domain's key or the total.
 */
export const measureKey = (instrumentSlug: string, whose: Whose, key: string) =>
  `${instrumentSlug}/${whose}/${key}`

export function measureParts(measure: string) {
  const [instrumentSlug = '', whose = '', key = ''] = measure.split('/')
  return { instrumentSlug, whose: (whose === 'executive' ? 'executive' : 'teams') as Whose, key }
}

/** A measure in words: "Executive team: Leadership and culture", "Teams together: total score". */
export function measureLabel(
  measure: string,
  domainTitle: (instrumentSlug: string, key: string) => string | undefined,
) {
  const { instrumentSlug, whose, key } = measureParts(measure)
  const who = whose === 'executive' ? 'Executive team' : 'Teams together'
  return `${who}: ${key === 'total' ? 'total score' : (domainTitle(instrumentSlug, key) ?? key)}`
}

/** How long a benchmark period is: a quarter, a half-year (the default) or a year. */
export const periodLengths = [3, 6, 12] as const
export type PeriodMonths = (typeof periodLengths)[number]
export const defaultPeriodMonths: PeriodMonths = 6

/** The period a day falls in: "2026-Q3" for quarters, "2026-H2" for half-years, "2026" for years. */
export function periodOf(isoDate: string, months: PeriodMonths = defaultPeriodMonths): string {
  const [year = '', month = '1'] = isoDate.split('-')
  const index = Math.floor((Number(month) - 1) / months) + 1
  if (months === 12) return year
  return `${year}-${months === 6 ? 'H' : 'Q'}${index}`
}

/** A period's months: its first and its number of months. */
function periodParts(period: string) {
  const [year = '', part = ''] = period.split('-')
  if (part === '') return { year: Number(year), first: 1, months: 12 }
  const months = part.startsWith('H') ? 6 : 3
  return { year: Number(year), first: (Number(part.slice(1)) - 1) * months + 1, months }
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** The first and last days of a period ("2026-H1": 1 January to 30 June 2026). */
export function periodRange(period: string) {
  const { year, first, months } = periodParts(period)
  const last = first + months - 1
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate()
  const pad = (n: number) => String(n).padStart(2, '0')
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${lastDay}` }
}

/** A period in words: "January to June 2026", "the year 2026". */
export function periodWords(period: string) {
  const { year, first, months } = periodParts(period)
  if (months === 12) return `the year ${year}`
  return `${monthNames[first - 1]} to ${monthNames[first + months - 2]} ${year}`
}

/** Whether a text names a period of this length. */
export const isPeriod = (text: string, months: PeriodMonths) =>
  (months === 12 ? /^\d{4}$/ : months === 6 ? /^\d{4}-H[12]$/ : /^\d{4}-Q[1-4]$/).test(text)

/** The periods of a length that have ended by a day, newest first: those a network can publish. */
export function endedPeriods(today: string, months: PeriodMonths, count: number): string[] {
  const periods: string[] = []
  let { from } = periodRange(periodOf(today, months))
  while (periods.length < count) {
    const day = new Date(`${from}T00:00:00Z`)
    day.setUTCDate(0)
    const period = periodOf(day.toISOString().slice(0, 10), months)
    periods.push(period)
    from = periodRange(period).from
  }
  return periods
}
