import type { Cell } from '../../../src/lib/results/overview'

/** A result as a page writes it: the rounded value, "fewer than k", or a dash when not assessed. */
export const cellText = (cell: Cell) =>
  cell.suppressed !== null
    ? `fewer than ${cell.suppressed}`
    : cell.value === null
      ? '–'
      : String(Math.round(cell.value))
