import type { Scale } from '../../../src/instruments/definition'

export function ScaleTable({ scale }: { scale: Scale }) {
  const hasDescriptors = scale.levels.some((level) => level.descriptor)
  return (
    <table class="nhsuk-table">
      <caption class="nhsuk-table__caption nhsuk-table__caption--m">
        {`Scale: ${scale.title} (${scale.id})`}
      </caption>
      <thead class="nhsuk-table__head">
        <tr class="nhsuk-table__row">
          <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">
            Value
          </th>
          <th scope="col" class="nhsuk-table__header">
            Level
          </th>
          {hasDescriptors && (
            <th scope="col" class="nhsuk-table__header">
              What it means
            </th>
          )}
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        {scale.levels.map((level) => (
          <tr class="nhsuk-table__row">
            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{level.value}</td>
            <td class="nhsuk-table__cell">{level.label}</td>
            {hasDescriptors && <td class="nhsuk-table__cell">{level.descriptor ?? ''}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
