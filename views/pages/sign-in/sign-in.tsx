import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { Form } from '../../components/form'
import { TextInput } from '../../components/text-input'

export type SignInFormProps = { action: string; values: FormValues; errors: FieldErrors }

export function SignInForm({ action, values, errors }: SignInFormProps) {
  return (
    <Form id="sign-in-form" action={action} errors={errors} submit="Sign in">
      <TextInput
        name="email"
        label="Email address"
        type="email"
        value={values.email}
        error={errors.email}
        autocomplete="username"
      />
      <TextInput
        name="password"
        label="Password"
        type="password"
        error={errors.password}
        autocomplete="current-password"
      />
    </Form>
  )
}

export function SignInPage(props: SignInFormProps) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Sign in</h1>
        <SignInForm {...props} />
      </div>
    </div>
  )
}
