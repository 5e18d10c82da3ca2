import type { Problem } from '../../../src/instruments/history-csv'
import { historyColumns } from '../../../src/instruments/history-csv'
import type { FieldErrors } from '../../../src/lib/validation'
import { CsvFileField, UploadProblems } from '../../components/csv-upload'
import { ErrorSummary } from '../../components/error-summary'
import { Select } from '../../components/select'

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
          <CsvFileField error={errors.file} />
          <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
            Import the rounds
          </button>
        </form>
        <UploadProblems problems={problems} nothing="nothing was imported" />
      </div>
    </div>
  )
}
