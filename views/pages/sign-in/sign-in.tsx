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

export function SsoForm({ action, values, errors }: SignInFormProps) {
  return (
    <Form
      id="sso-form"
      action={action}
      errors={errors}
      submit="Continue to your organisation’s sign-in"
    >
      <TextInput
        name="ssoEmail"
        label="Work email address"
        hint="If your organisation has set up single sign-on, you sign in with your usual work account"
        type="email"
        value={values.ssoEmail}
        error={errors.ssoEmail}
        autocomplete="username"
      />
    </Form>
  )
}

export function SignInPage(props: SignInFormProps & { ssoAction: string }) {
  const passwordErrors = Object.fromEntries(
    Object.entries(props.errors).filter(([k]) => k !== 'ssoEmail'),
  )
  const ssoErrors: FieldErrors = props.errors.ssoEmail ? { ssoEmail: props.errors.ssoEmail } : {}
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Sign in</h1>
        <SignInForm {...props} errors={passwordErrors} />
        <h2>Or use your organisation’s account</h2>
        <SsoForm action={props.ssoAction} values={props.values} errors={ssoErrors} />
      </div>
    </div>
  )
}
