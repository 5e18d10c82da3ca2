import type { PersonWithGrants } from '../../../src/db/queries/people'
import { wholeNumber } from '../../../src/instruments/numbers'
import { classed, Table } from '../../components/table'

type Entry = {
  id: string
  at: string
  action: string
  subjectType: string
  subjectId: string | null
  before: unknown
  after: unknown
  actor: string | null
}

type AuditPageProps = {
  entries: Entry[]
  total: number
  page: number
  pageSize: number
  actions: string[]
  people: Pick<PersonWithGrants, 'id' | 'name'>[]
  filter: { action?: string | undefined; actorId?: string | undefined }
}

/** An action as words: "round.closed" reads "Round closed". */
export const actionWords = (action: string) => {
  const words = action.replace(/[.-]/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A field's name as words: "anonymityThreshold" reads "anonymity threshold". */
const fieldWords = (path: string) =>
  path
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/\./g, ' ')
    .toLowerCase()

const valueWords = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return 'nothing'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'number') return wholeNumber(value)
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(valueWords).join(', ')
  return `“${String(value)}”`
}

/** Every value of a record by its dotted path: nested settings read as one list. */
function flatten(value: unknown, path = '', into = new Map<string, unknown>()) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value))
      flatten(inner, path ? `${path}.${key}` : key, into)
  } else if (path) into.set(path, value)
  return into
}

const longest = 400

/**
 * What an entry changed, in words: each field that differs, from what to what; a new thing's
 * fields as they were set; a removed thing's as they were.
 */
export function changeWords(before: unknown, after: unknown): string {
  const was = flatten(before)
  const now = flatten(after)
  const fields = [...new Set([...was.keys(), ...now.keys()])]
  const parts = fields.flatMap((field) => {
    const from = was.get(field)
    const to = now.get(field)
    if (JSON.stringify(from) === JSON.stringify(to)) return []
    if (!was.has(field)) return [`${fieldWords(field)} ${valueWords(to)}`]
    if (!now.has(field)) return [`${fieldWords(field)} was ${valueWords(from)}`]
    return [`${fieldWords(field)} from ${valueWords(from)} to ${valueWords(to)}`]
  })
  const text = parts.join('; ')
  return text.length > longest ? `${text.slice(0, longest - 1)}…` : text
}

export function AuditPage({
  entries,
  total,
  page,
  pageSize,
  actions,
  people,
  filter,
}: AuditPageProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const query = (p: number) => {
    const params = new URLSearchParams({
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.actorId ? { actor: filter.actorId } : {}),
      page: String(p),
    })
    return `/audit?${params}`
  }
  return (
    <>
      <h1>Audit log</h1>
      <p>
        Every change to configuration, sign-in and export, newest first. Entries cannot be changed
        or removed.
      </p>
      <form method="get" action="/audit" class="nhsuk-u-margin-bottom-5">
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for="action">
            What was done
          </label>
          <select class="nhsuk-select" id="action" name="action">
            <option value="">Anything</option>
            {actions.map((a) => (
              <option value={a} selected={a === filter.action}>
                {actionWords(a)}
              </option>
            ))}
          </select>
        </div>
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for="actor">
            Who did it
          </label>
          <select class="nhsuk-select" id="actor" name="actor">
            <option value="">Anyone</option>
            {people.map((p) => (
              <option value={p.id} selected={p.id === filter.actorId}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button
          class="nhsuk-button nhsuk-button--secondary"
          data-module="nhsuk-button"
          type="submit"
        >
          Show entries
        </button>
      </form>
      <Table
        wide="audit-caption"
        caption={`${total} ${total === 1 ? 'entry' : 'entries'}, page ${page} of ${pages}`}
        columns={[
          { header: 'When (UTC)' },
          { header: 'Who' },
          { header: 'What was done' },
          { header: 'What changed' },
        ]}
        rows={entries.map((e) => [
          e.at.replace('T', ' ').slice(0, 19),
          e.actor ?? '',
          `${actionWords(e.action)} (${e.subjectType})`,
          classed('nhsuk-table__cell app-audit-change', changeWords(e.before, e.after)),
        ])}
      />
      {pages > 1 && (
        <nav class="nhsuk-pagination" aria-label="Pages of the audit log">
          <ul class="nhsuk-list nhsuk-pagination__list">
            {page > 1 && (
              <li class="nhsuk-pagination-item--previous">
                <a
                  class="nhsuk-pagination__link nhsuk-pagination__link--prev"
                  href={query(page - 1)}
                >
                  <span class="nhsuk-pagination__title">Newer entries</span>
                </a>
              </li>
            )}
            {page < pages && (
              <li class="nhsuk-pagination-item--next">
                <a
                  class="nhsuk-pagination__link nhsuk-pagination__link--next"
                  href={query(page + 1)}
                >
                  <span class="nhsuk-pagination__title">Older entries</span>
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  )
}
