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
          Upload a FHIR R4 Questionnaire in JSON to add it as a draft instrument of your own. Use
          this for instruments your organisation holds a licence for.
        </p>
        <ul class="nhsuk-list nhsuk-list--bullet">
          <li>
            Questions in groups become domains, one group to a domain. Questions not in groups
            become one domain holding them all, unless their codes name a part of the questionnaire
            that several questions share (a subscale): then each part is a domain.
          </li>
          <li>
            Each option’s score is read from its ordinalValue or itemWeight. Every question with a
            score on each of its options is scored.
          </li>
          <li>
            Other questions, such as a calculated total or a question without scores, are kept and
            shown on the draft but not scored. The page after the import names each of them.
          </li>
          <li>
            Every code (LOINC and others) is kept and written back out when the instrument is
            exported. A version such as “1.0.0” is kept as written, and the draft is numbered after
            your organisation’s versions of the instrument.
          </li>
        </ul>
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
