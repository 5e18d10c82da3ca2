type ChoicesProps = {
  type: 'radio' | 'checkbox'
  name: string
  legend: string
  hint?: string
  options: readonly { value: string; text: string; hint?: string | undefined }[]
  /** The chosen values. */
  values: readonly string[]
  error?: string | undefined
}

/** NHS.UK radios or checkboxes in a fieldset; the first control carries the field's id. */
export function Choices({ type, name, legend, hint, options, values, error }: ChoicesProps) {
  const kind = type === 'radio' ? 'radios' : 'checkboxes'
  const hintId = hint ? `${name}-hint` : undefined
  const errorId = error ? `${name}-error` : undefined
  return (
    <div class={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset
        class="nhsuk-fieldset"
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      >
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
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
        <div class={`nhsuk-${kind}`} data-module={`nhsuk-${kind}`}>
          {options.map((option, i) => {
            const id = i === 0 ? name : `${name}-${i + 1}`
            return (
              <div class={`nhsuk-${kind}__item`}>
                <input
                  class={`nhsuk-${kind}__input`}
                  id={id}
                  name={name}
                  type={type}
                  value={option.value}
                  checked={values.includes(option.value)}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                />
                <label class={`nhsuk-label nhsuk-${kind}__label`} for={id}>
                  {option.text}
                </label>
                {option.hint && (
                  <div class={`nhsuk-hint nhsuk-${kind}__hint`} id={`${id}-hint`}>
                    {option.hint}
                  </div>
                )}
              </div>
            )
          })}
        </div>
      </fieldset>
    </div>
  )
}
