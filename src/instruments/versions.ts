import type { Instrument, LineageEntry } from './definition'

const sameWording = (a: Instrument['items'][number], b: Instrument['items'][number]) =>
  a.scale === b.scale &&
  a.domain === b.domain &&
  JSON.stringify(Object.entries(a.text).sort()) === JSON.stringify(Object.entries(b.text).sort())

/** How each item of a version relates to the version it was derived from, by linkId. */
export function deriveLineage(previous: Instrument, next: Instrument): LineageEntry[] {
  const before = new Map(previous.items.map((item) => [item.linkId, item]))
  const after = new Set(next.items.map((item) => item.linkId))
  const entries: LineageEntry[] = next.items.map((item) => {
    const earlier = before.get(item.linkId)
    const change = !earlier ? 'new' : sameWording(earlier, item) ? 'kept' : 'reworded'
    return { linkId: item.linkId, change }
  })
  for (const item of previous.items) {
    if (!after.has(item.linkId)) entries.push({ linkId: item.linkId, change: 'removed' })
  }
  return entries
}

export const canonicalReference = (instrument: Instrument) =>
  `${instrument.url}|${instrument.version}`

/** The next version of an instrument: a draft copy that records what it was derived from. */
export function draftNextVersion(previous: Instrument): Instrument {
  const next: Instrument = {
    ...structuredClone(previous),
    version: previous.version + 1,
    status: 'draft',
    derivedFrom: canonicalReference(previous),
  }
  return { ...next, lineage: deriveLineage(previous, next) }
}
