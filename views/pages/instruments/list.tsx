import type { CatalogueEntry } from '../../../src/db/queries/instruments'
import { StatusTag } from '../../components/status-tag'
import { Table } from '../../components/table'

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
      <Table
        caption="Instrument versions"
        columns={[
          { header: 'Title' },
          { header: 'Version' },
          { header: 'Status' },
          { header: 'Items', numeric: true },
          { header: 'Source' },
        ]}
        rows={entries.map(({ instrument, source }) => [
          <a href={instrumentPath(instrument.slug, instrument.version)}>{instrument.title}</a>,
          instrument.version,
          <StatusTag status={instrument.status} />,
          instrument.items.length,
          source === 'built-in' ? 'Built in' : 'Your organisation',
        ])}
      />
    </>
  )
}
