import type { PersonWithGrants } from '../../../src/db/queries/people'
import { Table } from '../../components/table'
import { roleLabels } from './labels'

const statusText = { invited: 'Invited', active: 'Active', disabled: 'Disabled' } as const

export function PeopleListPage({
  people,
  teamNames,
}: {
  people: PersonWithGrants[]
  teamNames: ReadonlyMap<string, string>
}) {
  return (
    <>
      <h1>People and roles</h1>
      <p>
        <a class="nhsuk-button" href="/people/new">
          Add a person
        </a>
      </p>
      <Table
        caption="People"
        columns={[
          { header: 'Name' },
          { header: 'Email address' },
          { header: 'Roles' },
          { header: 'Status' },
        ]}
        rows={people.map((person) => [
          <a href={`/people/${person.id}`}>{person.name}</a>,
          person.email,
          person.grants
            .map((g) =>
              g.groupId
                ? `${roleLabels[g.role]} (${teamNames.get(g.groupId) ?? 'a team'})`
                : roleLabels[g.role],
            )
            .join(', '),
          statusText[person.status],
        ])}
      />
    </>
  )
}
