import type { PersonWithGrants } from '../../../src/db/queries/people'
import { Table } from '../../components/table'

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

const change = (value: unknown) =>
  value === null || value === undefined ? '' : JSON.stringify(value)

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
                {a}
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
        caption={`${total} ${total === 1 ? 'entry' : 'entries'}, page ${page} of ${pages}`}
        columns={[
          { header: 'When (UTC)' },
          { header: 'Who' },
          { header: 'What' },
          { header: 'Before' },
          { header: 'After' },
        ]}
        rows={entries.map((e) => [
          e.at.replace('T', ' ').slice(0, 19),
          e.actor ?? '',
          `${e.action} (${e.subjectType})`,
          change(e.before),
          change(e.after),
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
