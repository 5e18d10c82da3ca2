import { perspectiveLabels, perspectives } from '../../../src/instruments/definition'
import type { FieldErrors } from '../../../src/lib/validation'
import { ErrorSummary } from '../../components/error-summary'

type ImportPageProps = { errors: FieldErrors; problems: string[]; perspective?: string | undefined }

export function ImportPage({ errors, problems, perspective = 'staff' }: ImportPageProps) {
  const fileError = errors.file
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1>Import a FHIR Questionnaire</h1>
        <p>
          Upload a FHIR R4 Questionnaire in JSON to add it as a draft instrument of your own. Group
          its questions into domains (one group per domain) and give every scored option an
          itemWeight. Use this for instruments your organisation holds a licence for.
        </p>
        <form
          id="import-form"
          method="post"
          action="/instruments/import"
          enctype="multipart/form-data"
          novalidate
        >
          <div class={fileError ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
            <label class="nhsuk-label" for="file">
              Questionnaire file
            </label>
            <div class="nhsuk-hint" id="file-hint">
              A .json file of 1 MB or less
            </div>
            {fileError && (
              <span class="nhsuk-error-message" id="file-error">
                <span class="nhsuk-u-visually-hidden">Error:</span> {fileError}
              </span>
            )}
            {problems.length > 0 && (
              <ul class="nhsuk-list nhsuk-list--bullet" id="file-problems">
                {problems.map((problem) => (
                  <li>{problem}</li>
                ))}
              </ul>
            )}
            <input
              type="file"
              id="file"
              name="file"
              accept=".json,application/json,application/fhir+json"
              aria-describedby={[
                'file-hint',
                fileError && 'file-error',
                problems.length && 'file-problems',
              ]
                .filter(Boolean)
                .join(' ')}
            />
          </div>
          <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="perspective">
              Who answers it
            </label>
            <div class="nhsuk-hint" id="perspective-hint">
              Used for questions that do not say which perspective their wording is for
            </div>
            <select
              class="nhsuk-select"
              id="perspective"
              name="perspective"
              aria-describedby="perspective-hint"
            >
              {perspectives.map((p) => (
                <option value={p} selected={p === perspective}>
                  {perspectiveLabels[p]}
                </option>
              ))}
            </select>
          </div>
          <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
            Import as a draft
          </button>
        </form>
      </div>
    </div>
  )
}
