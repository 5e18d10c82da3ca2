import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { Form } from '../../components/form'
import { TextInput } from '../../components/text-input'
import { Textarea } from '../../components/textarea'

export type EditDetailsProps = { action: string; values: FormValues; errors: FieldErrors }

export function EditDetailsForm({ action, values, errors }: EditDetailsProps) {
  return (
    <Form id="edit-details" action={action} errors={errors} submit="Save">
      <TextInput name="title" label="Title" value={values.title} error={errors.title} />
      <Textarea
        name="description"
        label="Description"
        hint="Who answers it, and how"
        value={values.description}
        error={errors.description}
        rows={4}
      />
    </Form>
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
