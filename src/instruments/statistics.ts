/** n, mean and sample standard deviation; mean is null when n = 0 and sd when n < 2. */
export type Summary = { n: number; mean: number | null; sd: number | null }

export function summarise(values: readonly number[]): Summary {
  const n = values.length
  if (n === 0) return { n, mean: null, sd: null }
  const mean = values.reduce((sum, v) => sum + v, 0) / n
  if (n < 2) return { n, mean, sd: null }
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0)
  return { n, mean, sd: Math.sqrt(squares / (n - 1)) }
}

/** The same summary from running sums (n, Σx, Σx²), as kept in the aggregate tables. */
export function summaryFromSums(n: number, sum: number, sumOfSquares: number): Summary {
  if (n === 0) return { n, mean: null, sd: null }
  const mean = sum / n
  if (n < 2) return { n, mean, sd: null }
  const variance = Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1))
  return { n, mean, sd: Math.sqrt(variance) }
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle] as number
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2
}

export const z95 = 1.96
