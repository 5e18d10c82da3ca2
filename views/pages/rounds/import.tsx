import type { Problem } from '../../../src/instruments/history-csv'
import { historyColumns } from '../../../src/instruments/history-csv'
import { wholeNumber } from '../../../src/instruments/numbers'
import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { CsvFileField } from '../../components/csv-upload'
import { ErrorSummary } from '../../components/error-summary'
import { Select } from '../../components/select'
import { AnonymityFields } from './anonymity-fields'

type HistoryImportPageProps = {
  errors: FieldErrors
  problems: readonly Problem[]
  /** Groups the file names that do not exist: offered to be made as teams. */
  unknownGroups: readonly string[]
  instruments: readonly { value: string; text: string }[]
  values: FormValues
}

/** The rows shown of each kind of problem; the rest are counted, and all are in the download. */
const firstRows = 5

/** Problems of the same column and message, most frequent first, with the rows they are on. */
export function problemKinds(problems: readonly Problem[]) {
  const kinds = new Map<string, { column: string; message: string; rows: number[] }>()
  for (const p of problems) {
    const key = `${p.column}\u0000${p.message}`
    const kind = kinds.get(key) ?? { column: p.column, message: p.message, rows: [] }
    kind.rows.push(p.row)
    kinds.set(key, kind)
  }
  return [...kinds.values()].sort((a, b) => b.rows.length - a.rows.length)
}

const rowsText = (rows: readonly number[]) => {
  const shown = rows.slice(0, firstRows).join(', ')
  const more = rows.length - firstRows
  return more > 0 ? `${shown} and ${wholeNumber(more)} more` : shown
}

function ProblemSummary({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null
  const kinds = problemKinds(problems)
  return (
    <section>
      <h2>
        {wholeNumber(problems.length)} {problems.length === 1 ? 'problem' : 'problems'} of{' '}
        {kinds.length} {kinds.length === 1 ? 'kind' : 'kinds'}; nothing was imported
      </h2>
      <ul class="nhsuk-list">
        {kinds.map((kind) => (
          <li class="nhsuk-u-margin-bottom-3">
            <strong>{kind.message}</strong>
            <br />
            <span class="nhsuk-body-s">
              Column {kind.column}, {kind.rows.length === 1 ? 'row' : 'rows'} {rowsText(kind.rows)}
            </span>
          </li>
        ))}
      </ul>
      <p>
        To download every problem, one a row, choose the file again below and press “Download every
        problem”.
      </p>
    </section>
  )
}

export function HistoryImportPage({
  errors,
  problems,
  unknownGroups,
  instruments,
  values,
}: HistoryImportPageProps) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-full">
        <ErrorSummary errors={errors} />
        <h1>Import earlier rounds</h1>
        <p>
          Upload the answers of rounds held on paper or in spreadsheets, one answer a row, as a CSV
          file with the columns <code>{historyColumns.join(', ')}</code>. The rounds appear as
          closed rounds with their results. If any row has a problem, nothing is imported and the
          problems are summarised by kind.
        </p>
        <ul class="nhsuk-list nhsuk-list--bullet">
          <li>round_date: 2024-03-31 or 31/03/2024</li>
          <li>
            group: the name of a team, or of the executive group, as it is here; a team that does
            not exist yet can be made as part of the import
          </li>
          <li>mode: individual or consensus</li>
          <li>
            respondent: any label that groups one person’s answers (it is not kept), or consensus
          </li>
          <li>value: a value of the question’s scale, NA or DK</li>
          <li>
            instrument (a column to add when a file holds rounds of several questionnaires): the
            questionnaire of each row, as in the list below, like team-recovery-focus@1
          </li>
        </ul>
        <p>
          Round names need not be new: a round is told apart by its name and questionnaire, and only
          one already held of the same questionnaire is refused.
        </p>
        <ProblemSummary problems={problems} />
        <form method="post" action="/rounds/import" enctype="multipart/form-data" novalidate>
          {unknownGroups.length > 0 && (
            <div class="nhsuk-form-group">
              <fieldset class="nhsuk-fieldset" aria-describedby="createTeams-hint">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                  Make the {unknownGroups.length} {unknownGroups.length === 1 ? 'team' : 'teams'}{' '}
                  the file names that do not exist?
                </legend>
                <div class="nhsuk-hint" id="createTeams-hint">
                  Each ticked name is made as a team (type “other”, in no service line) in the same
                  step as the import, and only if the import succeeds. You can change its type and
                  service line afterwards. Untick any that is a misspelling of a team you have.
                </div>
                <div class="nhsuk-checkboxes">
                  {unknownGroups.map((name, i) => (
                    <div class="nhsuk-checkboxes__item">
                      <input
                        class="nhsuk-checkboxes__input"
                        id={i === 0 ? 'createTeams' : `createTeams-${i + 1}`}
                        name="createTeams"
                        type="checkbox"
                        value={name}
                        checked
                      />
                      <label
                        class="nhsuk-label nhsuk-checkboxes__label"
                        for={i === 0 ? 'createTeams' : `createTeams-${i + 1}`}
                      >
                        {name}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
          )}
          <Select
            name="instrument"
            label="Questionnaire the answers were given to"
            hint="Not needed when the file has an instrument column"
            options={[{ value: '', text: 'Choose a questionnaire' }, ...instruments]}
            value={values.instrument}
            error={errors.instrument}
          />
          <h2 class="nhsuk-heading-m">Thresholds of these rounds</h2>
          <p>Every round in the file takes these. Leave them as they are for the usual ones.</p>
          <AnonymityFields values={values} errors={errors} />
          <CsvFileField error={errors.file} />
          <div class="nhsuk-button-group">
            <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
              Import the rounds
            </button>
            {problems.length > 0 && (
              <button
                class="nhsuk-button nhsuk-button--secondary"
                data-module="nhsuk-button"
                type="submit"
                formaction="/rounds/import/problems.csv"
              >
                Download every problem
              </button>
            )}
          </div>
        </form>
      </div>
    </div>
  )
}
