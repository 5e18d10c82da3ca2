import type { Child } from 'hono/jsx'

type FormGroupProps = {
  name: string
  label: string
  hint?: string | undefined
  error?: string | undefined
  labelIsPageHeading?: boolean | undefined
  /** The control itself, given the ids to describe it by. */
  control: (describedBy: string | undefined) => Child
}

/** An NHS.UK form group: label, hint and error message, wired to the control for screen readers. */
export function FormGroup({
  name,
  label,
  hint,
  error,
  labelIsPageHeading,
  control,
}: FormGroupProps) {
  const hintId = hint ? `${name}-hint` : undefined
  const errorId = error ? `${name}-error` : undefined
  const labelElement = (
    <label class={labelIsPageHeading ? 'nhsuk-label nhsuk-label--l' : 'nhsuk-label'} for={name}>
      {label}
    </label>
  )
  return (
    <div class={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      {labelIsPageHeading ? <h1 class="nhsuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint && (
        <div class="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <span class="nhsuk-error-message" id={errorId}>
          <span class="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      {control([hintId, errorId].filter(Boolean).join(' ') || undefined)}
    </div>
  )
}
