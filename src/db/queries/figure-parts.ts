import type { KeptGroup } from '../../instruments/results'
import { chunksOf } from '../chunks'
import type { Db } from '../client'
import { cachedEntry, cacheValue } from '../closed-rounds-cache'
import {
  byRoundAndGroup,
  type FigureFilter,
  type FiguresByRound,
  listRoundFigures,
} from './results'

/**
 * What of a closed round's figures a page needs: the smallest part that holds it is read. Each
 * statement's figures come as one JSON value, and D1 refuses a value over 2,000,000 bytes: so
 * each part is read this many rounds a statement (at the reference trust's 151 groups, about
 * 800 KB), the statements at once.
 */
const roundsPerStatement: Record<FiguresPart, number> = { scores: 4 }

const parts = {
  /** Every group's response count, total and domains, everyone together: a group's scores. */
  scores: { kinds: ['responses', 'total', 'domain'], wholeOnly: true },
} satisfies Record<string, FigureFilter>
export type FiguresPart = keyof typeof parts

/** Where a round's part is cached: its key, and the kept groups, if any. */
const partKey = (part: FiguresPart, organisationId: string, roundId: string) =>
  `${part}|${organisationId}|${roundId}`
const cachedPart = (part: FiguresPart, organisationId: string, roundId: string) =>
  cachedEntry<ReadonlyMap<string, KeptGroup>>(partKey(part, organisationId, roundId))?.value

const sizeOf = (groups: ReadonlyMap<string, KeptGroup>) => {
  let size = 1
  for (const group of groups.values()) size += group.rows.length
  return size
}

/**
 * Reads these rounds' figures (this many rounds a statement, the statements at once) into `found`
 * by round and group, and keeps each round's under its key.
 */
async function readAndKeep(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  perStatement: number,
  filter: Omit<FigureFilter, 'roundIds'>,
  keyOf: (roundId: string) => string,
  found: Map<string, ReadonlyMap<string, KeptGroup>>,
) {
  const reads = await Promise.all(
    chunksOf([...roundIds], perStatement).map((ids) =>
      listRoundFigures(db, organisationId, { ...filter, roundIds: ids }),
    ),
  )
  for (const rows of reads) {
    for (const [roundId, groups] of byRoundAndGroup(rows)) {
      found.set(roundId, groups)
      cacheValue(keyOf(roundId), groups, sizeOf(groups))
    }
  }
}

/**
 * A part of these closed rounds' figures, by round and group: what is not kept is read, a few
 * rounds a statement. A round with no figures (not closed) is never kept.
 */
export async function roundFiguresPart(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  part: FiguresPart,
): Promise<FiguresByRound> {
  const found = new Map<string, ReadonlyMap<string, KeptGroup>>()
  const keyOf = (roundId: string) => partKey(part, organisationId, roundId)
  const missing: string[] = []
  for (const roundId of new Set(roundIds)) {
    const groups = cachedPart(part, organisationId, roundId)
    if (groups) found.set(roundId, groups)
    else missing.push(roundId)
  }
  await readAndKeep(
    db,
    organisationId,
    missing,
    roundsPerStatement[part],
    parts[part],
    keyOf,
    found,
  )
  return found
}

/**
 * A part of these closed rounds' figures for a few groups only (a team and the executive): what a
 * page about one team needs, without reading every group's, so that a server's first such page
 * reads a few hundred figures rather than every team's. Taken from a round's whole part where that
 * is kept; otherwise read, and kept group by group (a group the round did not assess as well).
 */
export async function groupsFiguresPart(
  db: Db,
  organisationId: string,
  roundIds: readonly string[],
  groupIds: readonly string[],
  part: FiguresPart,
): Promise<FiguresByRound> {
  const found = new Map<string, Map<string, KeptGroup>>()
  const keyOf = (roundId: string, groupId: string) =>
    `${part}|${organisationId}|${roundId}|group ${groupId}`
  const missing = new Set<string>()
  for (const roundId of new Set(roundIds)) {
    const groups = new Map<string, KeptGroup>()
    found.set(roundId, groups)
    const whole = cachedPart(part, organisationId, roundId)
    for (const groupId of groupIds) {
      const entry = whole
        ? { value: whole.get(groupId) ?? null }
        : cachedEntry<KeptGroup | null>(keyOf(roundId, groupId))
      if (!entry) missing.add(roundId)
      else if (entry.value) groups.set(groupId, entry.value as KeptGroup)
    }
  }
  for (const ids of chunksOf([...missing], 80)) {
    const read = byRoundAndGroup(
      await listRoundFigures(db, organisationId, { ...parts[part], roundIds: ids, groupIds }),
    )
    for (const roundId of ids) {
      for (const groupId of groupIds) {
        const group = read.get(roundId)?.get(groupId) ?? null
        if (group) found.get(roundId)?.set(groupId, group)
        cacheValue(keyOf(roundId, groupId), group, group ? group.rows.length : 1)
      }
    }
  }
  return found
}
