import type { RoundSummary } from '../../../src/db/queries/rounds'
import { Table } from '../../components/table'
import { longDate, modeLabels, RoundStatusTag } from './labels'

type RoundListPageProps = {
  rounds: readonly RoundSummary[]
  canCreate: boolean
  canImport: boolean
}

export function RoundListPage({ rounds, canCreate, canImport }: RoundListPageProps) {
  return (
    <>
      <h1>Assessment rounds</h1>
      {canCreate && (
        <p>
          <a class="nhsuk-button nhsuk-u-margin-right-3" href="/rounds/new">
            Create a round
          </a>
          {canImport && (
            <a class="nhsuk-button nhsuk-button--secondary" href="/rounds/import">
              Import earlier rounds
            </a>
          )}
        </p>
      )}
      {rounds.length === 0 ? (
        <p>There are no rounds yet.</p>
      ) : (
        <Table
          caption="Rounds, newest first"
          columns={[
            { header: 'Round' },
            { header: 'Mode' },
            { header: 'Window' },
            { header: 'Groups', numeric: true },
            { header: 'Status' },
          ]}
          rows={rounds.map((round) => [
            <a href={`/rounds/${round.id}`}>{round.name}</a>,
            modeLabels[round.mode],
            `${longDate(round.opensOn)} to ${longDate(round.closesOn)}`,
            String(round.groupIds.length),
            <RoundStatusTag status={round.status} />,
          ])}
        />
      )}
    </>
  )
}
