import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { ErrorSummary } from '../../components/error-summary'
import { TextInput } from '../../components/text-input'

export type SetupFormProps = { values: FormValues; errors: FieldErrors }

export function SetupForm({ values, errors }: SetupFormProps) {
  return (
    <form
      id="setup-form"
      method="post"
      action="/setup"
      hx-post="/setup"
      hx-target="this"
      hx-swap="outerHTML"
      novalidate
    >
      <ErrorSummary errors={errors} />
      <TextInput
        name="name"
        label="Organisation name"
        hint="The name your staff and board know it by, for example Northmoor Mental Health NHS Foundation Trust"
        value={values.name}
        error={errors.name}
        autocomplete="organization"
      />
      <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
        Create organisation
      </button>
    </form>
  )
}
