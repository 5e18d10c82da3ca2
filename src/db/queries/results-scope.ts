import type { Db } from '../client'
import { type ListQuery, preparedLists } from '../json-list'
import { slot } from '../prepared'
import { groupingsQuery, teamsQuery } from './groups'
import { executiveQuery } from './organisations'
import { closedRoundsQuery } from './results'

const organisationId = slot('organisationId')

/**
 * A page's first read, in one statement: the closed rounds, the executive group, and the lists
 * named besides. Read on every results page, so it is compiled once for each database.
 */
function scopeRead<E extends Record<string, ListQuery<object>>>(besides: E) {
  const read = preparedLists({
    ...besides,
    rounds: closedRoundsQuery(organisationId),
    executive: executiveQuery(organisationId),
  })
  return async (db: Db, organisationId: string) => {
    const { executive, ...rest } = await read(db, { organisationId })
    return { ...rest, executive: executive[0] ?? null }
  }
}

/** The closed rounds and the executive: what a team's page starts from. */
export const readRoundsAndExecutive = scopeRead({})

/** The closed rounds, the executive and the teams: whose results a person may be shown. */
export const readResultsScope = scopeRead({ teams: teamsQuery(organisationId) })

/** The closed rounds, the executive, the teams and the service lines: the overview's. */
export const readOverviewScope = scopeRead({
  teams: teamsQuery(organisationId),
  groupings: groupingsQuery(organisationId),
})
