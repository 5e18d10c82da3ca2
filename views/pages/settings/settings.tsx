import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { Form } from '../../components/form'
import { TextInput } from '../../components/text-input'

export type SettingsProps = {
  values: FormValues
  errors: FieldErrors
  hasSecret: boolean
  redirectUri: string
}

export function SettingsForm({ values, errors, hasSecret, redirectUri }: SettingsProps) {
  return (
    <Form id="settings-form" action="/settings" errors={errors} submit="Save settings">
      <TextInput
        name="name"
        label="Organisation name"
        value={values.name}
        error={errors.name}
        autocomplete="organization"
      />
      <TextInput
        name="respondentContact"
        label="Who people answering a questionnaire can contact"
        hint="Shown on the first page of every questionnaire, for questions about it. For example: the Recovery Team, recovery.team@example.nhs.uk or 0123 456 7890"
        value={values.respondentContact}
        error={errors.respondentContact}
      />
      <h2 class="nhsuk-heading-m">Single sign-on</h2>
      <p>
        Let people sign in with their work account through OpenID Connect, for example Microsoft
        Entra ID. Register this service with your identity provider with the redirect address{' '}
        <code>{redirectUri}</code>. Leave the issuer blank to turn single sign-on off.
      </p>
      <TextInput
        name="issuer"
        label="Issuer URL"
        hint="For Microsoft Entra ID: https://login.microsoftonline.com/your-tenant-id/v2.0"
        value={values.issuer}
        error={errors.issuer}
      />
      <TextInput
        name="clientId"
        label="Client ID"
        value={values.clientId}
        error={errors.clientId}
      />
      <TextInput
        name="clientSecret"
        label="Client secret"
        hint={hasSecret ? 'Leave blank to keep the secret you saved before' : undefined}
        type="password"
        error={errors.clientSecret}
        autocomplete="off"
      />
    </Form>
  )
}

export function SettingsPage(props: SettingsProps) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Organisation settings</h1>
        <SettingsForm {...props} />
      </div>
    </div>
  )
}
