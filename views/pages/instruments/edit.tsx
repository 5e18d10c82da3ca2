import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { ErrorSummary } from '../../components/error-summary'
import { TextInput } from '../../components/text-input'
import { Textarea } from '../../components/textarea'

export type EditDetailsProps = { action: string; values: FormValues; errors: FieldErrors }

export function EditDetailsForm({ action, values, errors }: EditDetailsProps) {
  return (
    <form
      id="edit-details"
      method="post"
      action={action}
      hx-post={action}
      hx-target="this"
      hx-swap="outerHTML"
      novalidate
    >
      <ErrorSummary errors={errors} />
      <TextInput name="title" label="Title" value={values.title} error={errors.title} />
      <Textarea
        name="description"
        label="Description"
        hint="Who answers it, and how"
        value={values.description}
        error={errors.description}
        rows={4}
      />
      <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
        Save
      </button>
    </form>
  )
}

export function EditDetailsPage(props: EditDetailsProps & { heading: string }) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <span class="nhsuk-caption-l">Draft instrument</span>
        <h1>{props.heading}</h1>
        <EditDetailsForm {...props} />
      </div>
    </div>
  )
}
