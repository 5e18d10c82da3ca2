import { roles } from '../../../src/instruments/enums'
import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { Form } from '../../components/form'
import { Select } from '../../components/select'
import { TextInput } from '../../components/text-input'
import { roleLabels } from './labels'

type Teams = { id: string; name: string }[]

export function RoleFields({
  values,
  errors,
  teams,
}: {
  values: FormValues
  errors: FieldErrors
  teams: Teams
}) {
  return (
    <>
      <Select
        name="role"
        label="Role"
        options={[
          { value: '', text: 'Choose a role' },
          ...roles.map((r) => ({ value: r, text: roleLabels[r] })),
        ]}
        value={values.role}
        error={errors.role}
      />
      <Select
        name="groupId"
        label="Team (for a team lead)"
        hint="A team lead sees and works on this team only"
        options={[
          { value: '', text: 'No team' },
          ...teams.map((t) => ({ value: t.id, text: t.name })),
        ]}
        value={values.groupId}
        error={errors.groupId}
      />
    </>
  )
}

export type AddPersonProps = { values: FormValues; errors: FieldErrors; teams: Teams }

export function AddPersonForm(props: AddPersonProps) {
  const { values, errors } = props
  return (
    <Form id="add-person" action="/people/new" errors={errors} submit="Add person">
      <TextInput
        name="name"
        label="Name"
        value={values.name}
        error={errors.name}
        autocomplete="off"
      />
      <TextInput
        name="email"
        label="Email address"
        type="email"
        value={values.email}
        error={errors.email}
        autocomplete="off"
      />
      <RoleFields {...props} />
    </Form>
  )
}

export function AddPersonPage(props: AddPersonProps) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Add a person</h1>
        <p>
          You will get a one-time link for them to set their password. No email is sent: pass the
          link on yourself.
        </p>
        <AddPersonForm {...props} />
      </div>
    </div>
  )
}

export function PasswordLinkPage({
  personId,
  name,
  link,
  days,
  hours,
}: {
  personId: string
  name: string
  /** The link, while it is still shown to the admin who made it; null after. */
  link: string | null
  days: number
  hours: number
}) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        {link ? (
          <>
            <h1>{`Give ${name} this link`}</h1>
            <p>{`It lets them set their password once, and works for ${days} days. You can come back to this page for ${hours} hours; after that only a fingerprint of the link is kept.`}</p>
            <div class="nhsuk-inset-text">
              <p class="nhsuk-u-font-size-16">
                <code id="password-link">{link}</code>
              </p>
            </div>
          </>
        ) : (
          <>
            <h1>This link is no longer shown</h1>
            <p>{`A set-password link can be seen again only by the admin who made it, for ${hours} hours. The link itself still works for ${days} days from when it was made.`}</p>
            <p>
              If it has been lost, make a new one from the person’s page: the old one stays valid
              until it is used or runs out.
            </p>
          </>
        )}
        <p>
          <a href={`/people/${personId}`}>Back to {name}</a>
        </p>
        <p>
          <a href="/people">Back to people and roles</a>
        </p>
      </div>
    </div>
  )
}
