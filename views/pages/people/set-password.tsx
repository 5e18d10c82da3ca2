import type { FieldErrors } from '../../../src/lib/validation'
import { Form } from '../../components/form'
import { TextInput } from '../../components/text-input'

export function SetPasswordForm({ action, errors }: { action: string; errors: FieldErrors }) {
  return (
    <Form id="set-password" action={action} errors={errors} submit="Set password and sign in">
      <TextInput
        name="password"
        label="New password"
        hint="At least 12 characters. A few unrelated words make a strong password that is easy to remember."
        type="password"
        error={errors.password}
        autocomplete="new-password"
      />
      <TextInput
        name="confirm"
        label="Type it again"
        type="password"
        error={errors.confirm}
        autocomplete="new-password"
      />
    </Form>
  )
}

export function SetPasswordPage({
  name,
  action,
  errors,
}: {
  name: string
  action: string
  errors: FieldErrors
}) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>{`Set your password, ${name}`}</h1>
        <SetPasswordForm action={action} errors={errors} />
      </div>
    </div>
  )
}
