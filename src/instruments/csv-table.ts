import Papa from 'papaparse'
import { wholeNumber } from './numbers'

/**
 * What a spreadsheet reads as the start of a formula: =, +, -, @, a tab or a line break, or their
 * full-width forms.
 */
const formulaStart = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/

/**
 * The one writer of every CSV download: a header row, then rows, CRLF line ends. A text cell a
 * spreadsheet would read as a formula is written with an apostrophe before it (and quoted), as
 * spreadsheet-injection guidance says, so a team called "=HYPERLINK(…)" opens as its name;
 * numbers are written as numbers.
 */
export const csvText = (
  fields: readonly string[],
  data: readonly (readonly (string | number | null)[])[],
) =>
  `${Papa.unparse({ fields: [...fields], data: data.map((row) => [...row]) }, { escapeFormulae: formulaStart })}\r\n`

const notUtf8 = (encoding: string) =>
  `The file is saved as ${encoding}, not UTF-8, so letters such as é or ’ would come out garbled; nothing was read. Save it as UTF-8 (in Excel: Save As, then "CSV UTF-8 (Comma delimited)") and upload it again.`

/**
 * An uploaded file's text, which must be UTF-8 (with or without a byte-order mark): a file in
 * another encoding is refused, naming the one it seems to be, rather than read with its letters
 * replaced.
 */
export async function utf8Text(file: Blob): Promise<{ text: string } | { problem: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  const [first, second] = bytes
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff))
    return { problem: notUtf8('UTF-16') }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { problem: notUtf8('Windows-1252 (Latin-1)') }
  }
}

/** One problem of an upload, where a spreadsheet shows it: row 1 is the header. */
export type CsvProblem<C extends string> = { row: number; column: C | 'file'; message: string }

/** A row of an upload: its number as a spreadsheet shows it, and its cells by column, trimmed. */
export type CsvRow<C extends string> = { row: number; cell: (column: C) => string }

/**
 * An upload's rows under a header that must name every column (in any order and case): UTF-8 with
 * or without a byte-order mark, CRLF or LF, quoted fields as spreadsheets save them. Blank lines
 * are passed over but still counted, so every row keeps the number a spreadsheet gives it.
 */
export function readCsvTable<C extends string>(
  text: string,
  columns: readonly C[],
  { maxRows, what }: { maxRows: number; what: string },
): { rows: CsvRow<C>[]; problem: null } | { rows: null; problem: CsvProblem<C> } {
  const [header = [], ...body] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: false,
  }).data
  const at = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]))
  const index = (column: C) => at.get(column.toLowerCase()) ?? -1
  const missing = columns.filter((c) => index(c) < 0)
  if (missing.length > 0)
    return {
      rows: null,
      problem: {
        row: 1,
        column: 'file',
        message: `The header row has no column ${missing.join(', ')}; it must have ${columns.join(', ')}`,
      },
    }
  if (body.length > maxRows)
    return {
      rows: null,
      problem: {
        row: maxRows + 2,
        column: 'file',
        message: `A file may hold at most ${wholeNumber(maxRows)} ${what}; split it into smaller files`,
      },
    }
  const rows: CsvRow<C>[] = []
  body.forEach((cells, i) => {
    if (cells.every((cell) => cell.trim() === '')) return
    rows.push({ row: i + 2, cell: (column) => (cells[index(column)] ?? '').trim() })
  })
  return { rows, problem: null }
}
