/** The calendar date (UTC) of a moment in milliseconds, as YYYY-MM-DD: all a response keeps. */
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** A date as written by a person, ISO (2024-03-31) or as UK spreadsheets save it (31/03/2024). */
export function readDate(text: string): string | null {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)
  const iso = uk ? `${uk[3]}-${uk[2]?.padStart(2, '0')}-${uk[1]?.padStart(2, '0')}` : text
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null
}
