import type { Team } from '../../../src/db/queries/groups'
import { Table } from '../../components/table'
import { teamTypeLabels } from './labels'

const columns = [
  { header: 'Team' },
  { header: 'Type' },
  { header: 'Service line or locality' },
  { header: 'Continues' },
]

function TeamTable({ caption, teams }: { caption: string; teams: Team[] }) {
  const rows = teams.map((team) => [
    <a href={`/teams/${team.id}`}>{team.name}</a>,
    team.teamType ? teamTypeLabels[team.teamType] : '',
    team.grouping ?? 'None',
    team.predecessor ?? '',
  ])
  return <Table caption={caption} columns={columns} rows={rows} />
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
