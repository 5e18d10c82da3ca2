import type { Problem } from '../../../src/instruments/history-csv'
import { historyColumns } from '../../../src/instruments/history-csv'
import type { FieldErrors } from '../../../src/lib/validation'
import { ErrorSummary } from '../../components/error-summary'
import { Select } from '../../components/select'
import { Table } from '../../components/table'

type HistoryImportPageProps = {
  errors: FieldErrors
  problems: readonly Problem[]
  instruments: readonly { value: string; text: string }[]
  instrument?: string | undefined
}

export function HistoryImportPage({
  errors,
  problems,
  instruments,
  instrument,
}: HistoryImportPageProps) {
  const fileError = errors.file
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-full">
        <ErrorSummary errors={errors} />
        <h1>Import earlier rounds</h1>
        <p>
          Upload the answers of rounds held on paper or in spreadsheets, one answer a row, as a CSV
          file with the columns <code>{historyColumns.join(', ')}</code>. The rounds appear as
          closed rounds with their results. If any row has a problem, nothing is imported and every
          problem is listed.
        </p>
        <ul class="nhsuk-list nhsuk-list--bullet">
          <li>round_date: 2024-03-31 or 31/03/2024</li>
          <li>group: the name of a team, or of the executive group, as it is here</li>
          <li>mode: individual or consensus</li>
          <li>
            respondent: any label that groups one person’s answers (it is not kept), or consensus
          </li>
          <li>value: a value of the question’s scale, NA or DK</li>
        </ul>
        <form method="post" action="/rounds/import" enctype="multipart/form-data" novalidate>
          <Select
            name="instrument"
            label="Questionnaire the answers were given to"
            options={[{ value: '', text: 'Choose a questionnaire' }, ...instruments]}
            value={instrument}
            error={errors.instrument}
          />
          <div class={fileError ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
            <label class="nhsuk-label" for="file">
              CSV file
            </label>
            <div class="nhsuk-hint" id="file-hint">
              A .csv file of 5 MB or less, saved as UTF-8
            </div>
            {fileError && (
              <span class="nhsuk-error-message" id="file-error">
                <span class="nhsuk-u-visually-hidden">Error:</span> {fileError}
              </span>
            )}
            <input
              type="file"
              id="file"
              name="file"
              accept=".csv,text/csv"
              aria-describedby={['file-hint', fileError && 'file-error'].filter(Boolean).join(' ')}
            />
          </div>
          <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
            Import the rounds
          </button>
        </form>
        {problems.length > 0 && (
          <Table
            caption={`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found; nothing was imported`}
            captionSize="m"
            columns={[
              { header: 'Row', numeric: true },
              { header: 'Column' },
              { header: 'Problem' },
            ]}
            rows={problems.map((p) => [String(p.row), p.column, p.message])}
          />
        )}
      </div>
    </div>
  )
}
