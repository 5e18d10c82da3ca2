/** The text of an HTML fragment, tags removed and entities of ours decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .trim()

/**
 * The body rows of the table whose caption holds these words, as cell texts; null when the page
 * has no such table.
 */
export function tableRows(html: string, caption: string): string[][] | null {
  for (const [table] of html.matchAll(/<table[\s\S]*?<\/table>/g)) {
    const title = /<caption[^>]*>([\s\S]*?)<\/caption>/.exec(table)?.[1] ?? ''
    if (!textOf(title).includes(caption)) continue
    const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? ''
    return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...(row ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, cell]) =>
        textOf(cell ?? ''),
      ),
    )
  }
  return null
}

/** A CSV body as rows of fields (our exports quote only where a field needs it). */
export function csvRows(body: string): string[][] {
  return body
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','))
}
