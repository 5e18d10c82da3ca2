import type { PersonWithGrants } from '../../../src/db/queries/people'
import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { Form } from '../../components/form'
import { RoleFields } from './forms'
import { roleLabels } from './labels'

type PersonPageProps = {
  person: PersonWithGrants
  teams: { id: string; name: string }[]
  values: FormValues
  errors: FieldErrors
  /** Set-password links this admin made for the person that they may still come back to. */
  keptLinks: readonly string[]
}

function PostButton({
  action,
  label,
  warning,
}: {
  action: string
  label: string
  warning?: boolean
}) {
  return (
    <form method="post" action={action} class="nhsuk-u-display-inline-block nhsuk-u-margin-right-3">
      <button
        class={
          warning ? 'nhsuk-button nhsuk-button--warning' : 'nhsuk-button nhsuk-button--secondary'
        }
        data-module="nhsuk-button"
        type="submit"
      >
        {label}
      </button>
    </form>
  )
}

export function PersonPage({ person, teams, values, errors, keptLinks }: PersonPageProps) {
  const teamName = (id: string | null) => teams.find((t) => t.id === id)?.name
  return (
    <>
      <span class="nhsuk-caption-l">{person.email}</span>
      <h1>{person.name}</h1>
      <h2>Roles</h2>
      {person.grants.length === 0 ? (
        <p>No roles: they can sign in but see nothing.</p>
      ) : (
        <ul class="nhsuk-list">
          {person.grants.map((grant) => (
            <li>
              {grant.groupId
                ? `${roleLabels[grant.role]}, ${teamName(grant.groupId) ?? 'a team'}`
                : roleLabels[grant.role]}{' '}
              <form
                method="post"
                action={`/people/${person.id}/roles/${grant.id}/revoke`}
                class="nhsuk-u-display-inline"
              >
                <button
                  class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                  type="submit"
                >
                  Remove
                  <span class="nhsuk-u-visually-hidden">{` the role ${roleLabels[grant.role]}`}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>Give a role</h2>
      <Form
        id="grant-role"
        action={`/people/${person.id}/roles`}
        errors={errors}
        submit="Give role"
      >
        <RoleFields values={values} errors={errors} teams={teams} />
      </Form>
      {person.status !== 'disabled' && (
        <>
          <h2>Access</h2>
          {keptLinks.map((href) => (
            <p>
              <a href={href}>Show the set-password link you made again</a>
            </p>
          ))}
          <PostButton
            action={`/people/${person.id}/password-link`}
            label="Make a new link to set a password"
          />
          <PostButton
            action={`/people/${person.id}/disable`}
            label="Disable and sign out now"
            warning
          />
        </>
      )}
    </>
  )
}
