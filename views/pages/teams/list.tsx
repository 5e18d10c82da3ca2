import type { Team } from '../../../src/db/queries/groups'
import { teamTypeLabels } from './labels'

function TeamRows({ teams }: { teams: Team[] }) {
  return (
    <>
      {teams.map((team) => (
        <tr class="nhsuk-table__row">
          <td class="nhsuk-table__cell">
            <a href={`/teams/${team.id}`}>{team.name}</a>
          </td>
          <td class="nhsuk-table__cell">{team.teamType ? teamTypeLabels[team.teamType] : ''}</td>
          <td class="nhsuk-table__cell">{team.grouping ?? 'None'}</td>
          <td class="nhsuk-table__cell">{team.predecessor ?? ''}</td>
        </tr>
      ))}
    </>
  )
}

function TeamTable({ caption, teams }: { caption: string; teams: Team[] }) {
  return (
    <table class="nhsuk-table">
      <caption class="nhsuk-table__caption">{caption}</caption>
      <thead class="nhsuk-table__head">
        <tr class="nhsuk-table__row">
          <th scope="col" class="nhsuk-table__header">
            Team
          </th>
          <th scope="col" class="nhsuk-table__header">
            Type
          </th>
          <th scope="col" class="nhsuk-table__header">
            Service line or locality
          </th>
          <th scope="col" class="nhsuk-table__header">
            Continues
          </th>
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        <TeamRows teams={teams} />
      </tbody>
    </table>
  )
}

export function TeamListPage({ teams, canManage }: { teams: Team[]; canManage: boolean }) {
  const active = teams.filter((t) => !t.archivedAt)
  const archived = teams.filter((t) => t.archivedAt)
  return (
    <>
      <h1>Teams</h1>
      {canManage && (
        <p>
          <a class="nhsuk-button" href="/teams/new">
            Add a team
          </a>{' '}
          <a class="nhsuk-button nhsuk-button--secondary" href="/teams/groupings/new">
            Add a service line or locality
          </a>
        </p>
      )}
      {active.length === 0 ? (
        <p>There are no teams yet.</p>
      ) : (
        <TeamTable caption="Teams" teams={active} />
      )}
      {archived.length > 0 && <TeamTable caption="Archived teams" teams={archived} />}
    </>
  )
}
