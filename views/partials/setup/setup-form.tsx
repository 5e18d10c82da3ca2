import { minimumPasswordLength } from '../../../src/lib/passwords'
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
      <h2 class="nhsuk-heading-m">Your account</h2>
      <p>You will be the organisation’s first administrator.</p>
      <TextInput
        name="adminName"
        label="Your name"
        value={values.adminName}
        error={errors.adminName}
        autocomplete="name"
      />
      <TextInput
        name="email"
        label="Your email address"
        hint="You sign in with this"
        type="email"
        value={values.email}
        error={errors.email}
        autocomplete="email"
      />
      <TextInput
        name="password"
        label="Create a password"
        hint={`At least ${minimumPasswordLength} characters. A few unrelated words make a strong password that is easy to remember.`}
        type="password"
        error={errors.password}
        autocomplete="new-password"
      />
    </Form>
  )
}
