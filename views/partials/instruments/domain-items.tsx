import {
  type Domain,
  type Instrument,
  type LineageChange,
  perspectiveLabels,
} from '../../../src/instruments/definition'
import { Table } from '../../components/table'

type DomainItemsProps = {
  instrument: Instrument
  domain: Domain
  editable: boolean
  lineage: ReadonlyMap<string, LineageChange>
}

const answerChoices = (item: Instrument['items'][number]) =>
  [item.allowNA && 'Not applicable', item.allowDK && "Don't know"].filter(Boolean).join(', ') ||
  'None'

/** One domain's items, with their wording in each perspective. */
export function DomainItems({ instrument, domain, editable, lineage }: DomainItemsProps) {
  const items = instrument.items.filter((item) => item.domain === domain.key)
  return (
    <Table
      caption={
        <>
          {`${domain.key} ${domain.title}`}
          {domain.description && <span class="nhsuk-caption-m">{domain.description}</span>}
        </>
      }
      captionSize="m"
      columns={[
        { header: 'Question code' },
        ...instrument.perspectives.map((p) => ({ header: `Wording: ${perspectiveLabels[p]}` })),
        { header: 'Other answers' },
        ...(lineage.size > 0 ? [{ header: 'Since last version' }] : []),
        ...(editable ? [{ header: 'Change' }] : []),
      ]}
      rows={items.map((item) => [
        item.linkId,
        ...instrument.perspectives.map((p) => (
          <>
            {item.text[p]}
            {item.help && <span class="nhsuk-hint nhsuk-u-margin-bottom-0">{item.help}</span>}
          </>
        )),
        answerChoices(item),
        ...(lineage.size > 0 ? [lineage.get(item.linkId) ?? ''] : []),
        ...(editable
          ? [
              <a
                href={`/instruments/${instrument.slug}/${instrument.version}/items/${encodeURIComponent(item.linkId)}`}
              >
                Change
                <span class="nhsuk-u-visually-hidden">{` the wording of ${item.linkId}`}</span>
              </a>,
            ]
          : []),
      ])}
    />
  )
}
