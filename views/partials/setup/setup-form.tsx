import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { Form } from '../../components/form'
import { TextInput } from '../../components/text-input'

export type SetupFormProps = { values: FormValues; errors: FieldErrors }

export function SetupForm({ values, errors }: SetupFormProps) {
  return (
    <Form id="setup-form" action="/setup" errors={errors} submit="Create organisation">
      <TextInput
        name="name"
        label="Organisation name"
        hint="The name your staff and board know it by, for example Northmoor Mental Health NHS Foundation Trust"
        value={values.name}
        error={errors.name}
        autocomplete="organization"
      />
    </Form>
  )
}
