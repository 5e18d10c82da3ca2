import type { PersonWithGrants } from '../../../src/db/queries/people'
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
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption">People</caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th scope="col" class="nhsuk-table__header">
              Name
            </th>
            <th scope="col" class="nhsuk-table__header">
              Email address
            </th>
            <th scope="col" class="nhsuk-table__header">
              Roles
            </th>
            <th scope="col" class="nhsuk-table__header">
              Status
            </th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          {people.map((person) => (
            <tr class="nhsuk-table__row">
              <td class="nhsuk-table__cell">
                <a href={`/people/${person.id}`}>{person.name}</a>
              </td>
              <td class="nhsuk-table__cell">{person.email}</td>
              <td class="nhsuk-table__cell">
                {person.grants
                  .map((g) =>
                    g.groupId
                      ? `${roleLabels[g.role]} (${teamNames.get(g.groupId) ?? 'a team'})`
                      : roleLabels[g.role],
                  )
                  .join(', ')}
              </td>
              <td class="nhsuk-table__cell">{statusText[person.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
