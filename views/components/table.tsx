import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { escapeToBuffer } from 'hono/utils/html'

export type Column = { header: string; numeric?: boolean }

const classedMark = Symbol('classed cell')

/**
 * A cell with a class of its own instead of the column's (a heatmap band, say): the design system
 * styles a bare cell, so a heatmap's thousands of cells need carry no more than their band.
 */
export type ClassedCell = { [classedMark]: true; className: string; content: Child }
export const classed = (className: string, content: Child): ClassedCell => ({
  [classedMark]: true,
  className,
  content,
})
const isClassed = (cell: unknown): cell is ClassedCell =>
  typeof cell === 'object' && cell !== null && classedMark in cell

/** A cell's content as markup: text escaped, elements written out. */
function cellHtml(content: Child): string {
  if (content === null || content === undefined || typeof content === 'boolean') return ''
  if (Array.isArray(content)) return content.map(cellHtml).join('')
  if (typeof content === 'string') {
    const buffer: [string] = ['']
    escapeToBuffer(content, buffer)
    return buffer[0]
  }
  const markup = content.toString()
  if (typeof markup !== 'string') throw new Error('A table cell cannot wait for its content')
  return markup
}

type TableProps = {
  caption: Child
  captionSize?: 'm'
  columns: readonly Column[]
  /** One array of cells per row, in the order of the columns. */
  rows: readonly (readonly (Child | ClassedCell)[])[]
  /**
   * A table wider than a narrow screen: it scrolls sideways inside a region named by its caption
   * (reachable with the keyboard), with its first column kept in view. The id names the caption.
   */
  wide?: string
}

/**
 * An NHS.UK table: a caption, a header row, and a row of cells per entry. The rows are written
 * with templates rather than elements: a heatmap has thousands of cells.
 */
export function Table({ wide, ...props }: TableProps) {
  if (!wide) return <TableOnly {...props} />
  return (
    <section class="app-table-scroll" aria-labelledby={wide} tabindex={0}>
      <TableOnly {...props} captionId={wide} />
    </section>
  )
}

function TableOnly({
  caption,
  captionSize,
  columns,
  rows,
  captionId,
}: Omit<TableProps, 'wide'> & { captionId?: string }) {
  const cellClass = (base: string, column?: Column) =>
    column?.numeric ? `${base} ${base}--numeric` : base
  const bodyClasses = columns.map((column) => cellClass('nhsuk-table__cell', column))
  return (
    <table class="nhsuk-table">
      <caption
        id={captionId}
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
        {raw(
          rows
            .map(
              (cells) =>
                `<tr class="nhsuk-table__row">${cells
                  .map((cell, i) =>
                    isClassed(cell)
                      ? `<td class="${cell.className}">${cellHtml(cell.content)}</td>`
                      : `<td class="${bodyClasses[i] ?? 'nhsuk-table__cell'}">${cellHtml(cell)}</td>`,
                  )
                  .join('')}</tr>`,
            )
            .join(''),
        )}
      </tbody>
    </table>
  )
}
