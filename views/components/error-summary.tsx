import type { FieldErrors } from '../../src/lib/validation'

type ErrorSummaryProps = {
  errors: FieldErrors
  /** Where each problem links; by default its field on this page. */
  hrefFor?: (field: string) => string
}

/** The NHS.UK error summary: every problem at the top, each linking to its field. */
export function ErrorSummary({ errors, hrefFor = (field) => `#${field}` }: ErrorSummaryProps) {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    <div class="nhsuk-error-summary" data-module="nhsuk-error-summary">
      <div role="alert">
        <h2 class="nhsuk-error-summary__title">There is a problem</h2>
        <div class="nhsuk-error-summary__body">
          <ul class="nhsuk-list nhsuk-error-summary__list">
            {entries.map(([field, message]) => (
              <li>
                <a href={hrefFor(field)}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  )
}
