import type { CatalogueEntry } from '../../../src/db/queries/instruments'
import { StatusTag } from '../../components/status-tag'

export const instrumentPath = (slug: string, version: number) => `/instruments/${slug}/${version}`

export function InstrumentListPage({
  entries,
  canManage,
}: {
  entries: CatalogueEntry[]
  canManage: boolean
}) {
  return (
    <>
      <h1>Instruments</h1>
      <p>
        The questionnaires your organisation can assess itself with. Built-in instruments come with
        the service; your own are imported from FHIR Questionnaires and versioned here. A published
        version never changes: a change is a new version.
      </p>
      {canManage && (
        <p>
          <a href="/instruments/import">Import a FHIR Questionnaire</a>
        </p>
      )}
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption">Instrument versions</caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th scope="col" class="nhsuk-table__header">
              Title
            </th>
            <th scope="col" class="nhsuk-table__header">
              Version
            </th>
            <th scope="col" class="nhsuk-table__header">
              Status
            </th>
            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">
              Items
            </th>
            <th scope="col" class="nhsuk-table__header">
              Source
            </th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          {entries.map(({ instrument, source }) => (
            <tr class="nhsuk-table__row">
              <td class="nhsuk-table__cell">
                <a href={instrumentPath(instrument.slug, instrument.version)}>{instrument.title}</a>
              </td>
              <td class="nhsuk-table__cell">{instrument.version}</td>
              <td class="nhsuk-table__cell">
                <StatusTag status={instrument.status} />
              </td>
              <td class="nhsuk-table__cell nhsuk-table__cell--numeric">
                {instrument.items.length}
              </td>
              <td class="nhsuk-table__cell">
                {source === 'built-in' ? 'Built in' : 'Your organisation'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
