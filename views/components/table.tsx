import type { Child } from 'hono/jsx'

export type Column = { header: string; numeric?: boolean }

type TableProps = {
  caption: Child
  captionSize?: 'm'
  columns: readonly Column[]
  /** One array of cells per row, in the order of the columns. */
  rows: readonly (readonly Child[])[]
}

/** An NHS.UK table: a caption, a header row, and a row of cells per entry. */
export function Table({ caption, captionSize, columns, rows }: TableProps) {
  const cellClass = (base: string, column?: Column) =>
    column?.numeric ? `${base} ${base}--numeric` : base
  return (
    <table class="nhsuk-table">
      <caption
        class={
          captionSize
            ? `nhsuk-table__caption nhsuk-table__caption--${captionSize}`
            : 'nhsuk-table__caption'
        }
      >
        {caption}
      </caption>
      <thead class="nhsuk-table__head">
        <tr class="nhsuk-table__row">
          {columns.map((column) => (
            <th scope="col" class={cellClass('nhsuk-table__header', column)}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        {rows.map((cells) => (
          <tr class="nhsuk-table__row">
            {cells.map((cell, i) => (
              <td class={cellClass('nhsuk-table__cell', columns[i])}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
