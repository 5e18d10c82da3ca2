type DateInputProps = {
  name: string
  legend: string
  hint?: string | undefined
  /** The form's values: the date as stored (YYYY-MM-DD) under the name, or as typed, in parts. */
  values: Readonly<Record<string, unknown>>
  error?: string | undefined
}

/** The parts to show: as typed when the form came back, else from the stored date. */
function partsOf(name: string, values: Readonly<Record<string, unknown>>) {
  const text = (key: string) =>
    typeof values[key] === 'string' ? (values[key] as string) : undefined
  const typed = ['day', 'month', 'year'].map((part) => text(`${name}-${part}`))
  if (typed.some((part) => part !== undefined)) return typed.map((part) => part ?? '')
  const stored = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text(name) ?? '')
  return stored
    ? [String(Number(stored[3])), String(Number(stored[2])), stored[1] ?? '']
    : ['', '', '']
}

/**
 * The NHS.UK date input: day, month and year in boxes of their own, which read the same in every
 * browser and language (a browser's own date field shows month first in some). The form sends
 * `name-day`, `name-month` and `name-year`; validation reads them as one date under `name`.
 */
export function DateInput({ name, legend, hint, values, error }: DateInputProps) {
  const [day, month, year] = partsOf(name, values)
  const hintId = `${name}-hint`
  const errorId = `${name}-error`
  const describedBy = [hintId, error ? errorId : ''].filter(Boolean).join(' ')
  const box = (part: 'day' | 'month' | 'year', label: string, value: string | undefined) => {
    const id = part === 'day' ? name : `${name}-${part}`
    return (
      <div class="nhsuk-date-input__item">
        <div class="nhsuk-form-group">
          <label class="nhsuk-label nhsuk-date-input__label" for={id}>
            {label}
          </label>
          <input
            class={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${part === 'year' ? 4 : 2}${error ? ' nhsuk-input--error' : ''}`}
            id={id}
            name={`${name}-${part}`}
            type="text"
            inputmode="numeric"
            value={value ?? ''}
          />
        </div>
      </div>
    )
  }
  return (
    <div class={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset class="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <div class="nhsuk-hint" id={hintId}>
          {hint ?? 'For example, 31 3 2027'}
        </div>
        {error && (
          <span class="nhsuk-error-message" id={errorId}>
            <span class="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <div class="nhsuk-date-input">
          {box('day', 'Day', day)}
          {box('month', 'Month', month)}
          {box('year', 'Year', year)}
        </div>
      </fieldset>
    </div>
  )
}
