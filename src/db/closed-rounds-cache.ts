import { LRUCache } from 'lru-cache'

/**
 * The one cache of results. A closed round's figures are written once, in the batch that closes
 * it, and never change (the database refuses it); its settings and its questionnaire are locked
 * from the day it opens. So what is read or worked out from closed rounds alone stays true, and
 * each server keeps what it read or worked out last (up to about 400,000 figures' worth) rather
 * than doing it again for every page: parts of rounds' figures, and comparisons of two rounds.
 */
const cache = new LRUCache<string, { value: unknown; size: number }>({
  maxSize: 400_000,
  sizeCalculation: (entry) => entry.size,
})

/** What is cached under a key, if anything: `{ value }`, so that a cached null is told apart. */
export const cachedEntry = <T>(key: string) => cache.get(key) as { value: T } | undefined

/** Caches a value worked out from closed rounds alone; `size` counts the figures it holds. */
export const cacheValue = (key: string, value: unknown, size: number) =>
  cache.set(key, { value, size: Math.max(1, size) })

/**
 * What is worked out from closed rounds alone, under a key that names them all: cached once
 * worked out. `size` counts the figures it holds.
 */
export async function cached<T>(
  key: string,
  work: () => Promise<{ value: T; size: number }>,
): Promise<T> {
  const found = cachedEntry<T>(key)
  if (found) return found.value
  const worked = await work()
  cacheValue(key, worked.value, worked.size)
  return worked.value
}
