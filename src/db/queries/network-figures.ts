import { type SQL, sql } from 'drizzle-orm'
import { type Contribution, measureKey } from '../../instruments/network'
import type { Db } from '../client'
import { groups, networkMemberships, roundFigures, rounds } from '../schema'

type Row = {
  organisationId: string
  instrumentSlug: string
  groupKind: string
  key: string
  n: number
  sum: number
  threshold: number
  mode: string
}

/**
 * What each current member of a network contributes for a period (closes between from and to):
 * from its latest closed round of each instrument in the period, the executive's figure and the
 * teams' together, per domain and for the total; from individual responses only when the round's
 * threshold of people is behind it (rule 6, inside the organisation), and a consensus record as
 * its group agreed it. Read from the
 * figures kept when each round closed; nothing of a team, a person or an answer leaves.
 */
export function memberContributions(db: Db, networkId: string, range: PeriodRange) {
  const members = sql`select ${networkMemberships.organisationId} from ${networkMemberships}
    where ${networkMemberships.networkId} = ${networkId} and ${networkMemberships.leftAt} is null`
  return contributionsOf(db, members, range)
}

/** One organisation's own figures for a period, read as it would contribute them. */
export async function ownFigures(db: Db, organisationId: string, range: PeriodRange) {
  const measures = await contributionsOf(db, sql`select ${organisationId}`, range)
  return new Map(
    Object.entries(measures).flatMap(([measure, given]) =>
      given[0] ? [[measure, given[0].value] as const] : [],
    ),
  )
}

export type PeriodRange = { from: string; to: string }

async function contributionsOf(
  db: Db,
  organisations: SQL,
  { from, to }: PeriodRange,
): Promise<Record<string, Contribution[]>> {
  const rows = await db.all<Row>(sql`
    with latest as (
      select ${rounds.organisationId} as organisation_id, ${rounds.id} as round_id,
        ${rounds.instrumentSlug} as instrument_slug, ${rounds.anonymityThreshold} as threshold,
        ${rounds.mode} as mode,
        row_number() over (
          partition by ${rounds.organisationId}, ${rounds.instrumentSlug}
          order by ${rounds.closesOn} desc, ${rounds.id} desc
        ) as nth
      from ${rounds}
      where ${rounds.organisationId} in (${organisations})
        and ${rounds.status} = 'closed'
        and ${rounds.closesOn} between ${from} and ${to}
    )
    select latest.organisation_id as organisationId, latest.instrument_slug as instrumentSlug,
      ${groups.kind} as groupKind,
      case when ${roundFigures.kind} = 'total' then 'total' else ${roundFigures.key} end as key,
      sum(${roundFigures.n}) as n, sum(${roundFigures.sum}) as sum, latest.threshold as threshold,
      latest.mode as mode
    from latest
    join ${roundFigures} on ${roundFigures.organisationId} = latest.organisation_id
      and ${roundFigures.roundId} = latest.round_id
      and ${roundFigures.perspective} = 'all' and ${roundFigures.kind} in ('domain', 'total')
    join ${groups} on ${groups.id} = ${roundFigures.groupId}
      and ${groups.organisationId} = ${roundFigures.organisationId}
    where latest.nth = 1
    group by latest.organisation_id, latest.instrument_slug, ${groups.kind}, ${roundFigures.kind}, ${roundFigures.key}`)
  const measures: Record<string, Contribution[]> = {}
  for (const row of rows) {
    // A consensus record is its group's agreed view, so k does not apply to it (rule 6).
    if (row.n === 0 || (row.mode === 'individual' && row.n < row.threshold)) continue
    const whose = row.groupKind === 'executive' ? 'executive' : 'teams'
    const measure = measureKey(row.instrumentSlug, whose, row.key)
    measures[measure] ??= []
    measures[measure].push({ organisationId: row.organisationId, value: row.sum / row.n })
  }
  return measures
}
