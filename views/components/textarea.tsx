type TextareaProps = {
  name: string
  label: string
  hint?: string
  value?: string | undefined
  error?: string | undefined
  rows?: number
}

/** An NHS.UK textarea with its label, hint and error message wired to it for screen readers. */
export function Textarea({ name, label, hint, value, error, rows = 3 }: TextareaProps) {
  const hintId = hint ? `${name}-hint` : undefined
  const errorId = error ? `${name}-error` : undefined
  return (
    <div class={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <label class="nhsuk-label" for={name}>
        {label}
      </label>
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
      <textarea
        class={error ? 'nhsuk-textarea nhsuk-textarea--error' : 'nhsuk-textarea'}
        id={name}
        name={name}
        rows={rows}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      >
        {value ?? ''}
      </textarea>
    </div>
  )
}
