import type { Team } from '../../../src/db/queries/groups'
import { teamTypeLabels } from './labels'

export function TeamPage({ team, canManage }: { team: Team; canManage: boolean }) {
  return (
    <>
      <span class="nhsuk-caption-l">Team</span>
      <h1>{team.name}</h1>
      {team.archivedAt && (
        <p>
          <strong class="nhsuk-tag nhsuk-tag--white">Archived</strong> Its history is kept.
        </p>
      )}
      <dl class="nhsuk-summary-list">
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Type</dt>
          <dd class="nhsuk-summary-list__value">
            {team.teamType ? teamTypeLabels[team.teamType] : ''}
          </dd>
        </div>
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Service line or locality</dt>
          <dd class="nhsuk-summary-list__value">{team.grouping ?? 'None'}</dd>
        </div>
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Continues</dt>
          <dd class="nhsuk-summary-list__value">{team.predecessor ?? 'No earlier team'}</dd>
        </div>
      </dl>
      {canManage && !team.archivedAt && (
        <div>
          <a
            class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-right-3"
            href={`/teams/${team.id}/edit`}
          >
            Change team details
          </a>
          <form
            method="post"
            action={`/teams/${team.id}/archive`}
            class="nhsuk-u-display-inline-block"
          >
            <button
              class="nhsuk-button nhsuk-button--warning"
              data-module="nhsuk-button"
              type="submit"
            >
              Archive this team
            </button>
          </form>
        </div>
      )}
    </>
  )
}
