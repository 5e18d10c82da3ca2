import { Table } from './table'

/** The CSV file field of an upload form, with its error. */
export function CsvFileField({ error }: { error?: string | undefined }) {
  return (
    <div class={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <label class="nhsuk-label" for="file">
        CSV file
      </label>
      <div class="nhsuk-hint" id="file-hint">
        A .csv file of 5 MB or less, saved as UTF-8
      </div>
      {error && (
        <span class="nhsuk-error-message" id="file-error">
          <span class="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      <input
        type="file"
        id="file"
        name="file"
        accept=".csv,text/csv"
        aria-describedby={['file-hint', error && 'file-error'].filter(Boolean).join(' ')}
      />
    </div>
  )
}

/** Every problem of an upload, by row and column, and that nothing was kept. */
export function UploadProblems({
  problems,
  nothing,
}: {
  problems: readonly { row: number; column: string; message: string }[]
  /** What was not done: "nothing was imported". */
  nothing: string
}) {
  if (problems.length === 0) return null
  return (
    <Table
      caption={`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found; ${nothing}`}
      captionSize="m"
      columns={[{ header: 'Row', numeric: true }, { header: 'Column' }, { header: 'Problem' }]}
      rows={problems.map((p) => [String(p.row), p.column, p.message])}
    />
  )
}
