import {
  type Domain,
  type Instrument,
  type LineageChange,
  perspectiveLabels,
} from '../../../src/instruments/definition'

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
    <table class="nhsuk-table">
      <caption class="nhsuk-table__caption nhsuk-table__caption--m">
        {`${domain.key} ${domain.title}`}
        {domain.description && <span class="nhsuk-caption-m">{domain.description}</span>}
      </caption>
      <thead class="nhsuk-table__head">
        <tr class="nhsuk-table__row">
          <th scope="col" class="nhsuk-table__header">
            linkId
          </th>
          {instrument.perspectives.map((p) => (
            <th scope="col" class="nhsuk-table__header">{`Wording: ${perspectiveLabels[p]}`}</th>
          ))}
          <th scope="col" class="nhsuk-table__header">
            Other answers
          </th>
          {lineage.size > 0 && (
            <th scope="col" class="nhsuk-table__header">
              Since last version
            </th>
          )}
          {editable && (
            <th scope="col" class="nhsuk-table__header">
              Change
            </th>
          )}
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        {items.map((item) => (
          <tr class="nhsuk-table__row">
            <td class="nhsuk-table__cell">{item.linkId}</td>
            {instrument.perspectives.map((p) => (
              <td class="nhsuk-table__cell">
                {item.text[p]}
                {item.help && <span class="nhsuk-hint nhsuk-u-margin-bottom-0">{item.help}</span>}
              </td>
            ))}
            <td class="nhsuk-table__cell">{answerChoices(item)}</td>
            {lineage.size > 0 && (
              <td class="nhsuk-table__cell">{lineage.get(item.linkId) ?? ''}</td>
            )}
            {editable && (
              <td class="nhsuk-table__cell">
                <a
                  href={`/instruments/${instrument.slug}/${instrument.version}/items/${item.linkId}`}
                >
                  Change
                  <span class="nhsuk-u-visually-hidden">{` the wording of ${item.linkId}`}</span>
                </a>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
