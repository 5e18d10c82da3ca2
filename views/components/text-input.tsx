type TextInputProps = {
  name: string
  label: string
  hint?: string
  value?: string | undefined
  error?: string | undefined
  autocomplete?: string
  labelIsPageHeading?: boolean
}

/** An NHS.UK text input with its label, hint and error message wired to it for screen readers. */
export function TextInput({
  name,
  label,
  hint,
  value,
  error,
  autocomplete,
  labelIsPageHeading,
}: TextInputProps) {
  const hintId = hint ? `${name}-hint` : undefined
  const errorId = error ? `${name}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
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
      <input
        class={error ? 'nhsuk-input nhsuk-input--error' : 'nhsuk-input'}
        id={name}
        name={name}
        type="text"
        value={value ?? ''}
        aria-describedby={describedBy}
        autocomplete={autocomplete}
      />
    </div>
  )
}
