/**
 * A number as people type it into a form or a spreadsheet: spaces around it, thousands
 * separators and a pound sign allowed; null when it is not a finite number or is empty.
 */
export function readNumber(raw: string): number | null {
  const cleaned = raw.trim().replace(/[£,]/g, '')
  if (cleaned === '') return null
  const value = Number(cleaned)
  return Number.isFinite(value) ? value : null
}

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })

/** A number as the pages write a count: whole, with thousands separated (1,000). */
export const wholeNumber = (value: number) => whole.format(value)
