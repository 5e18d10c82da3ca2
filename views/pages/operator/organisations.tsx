import type { HostedOrganisation } from '../../../src/db/queries/hosting'
import { Table } from '../../components/table'

function SuspendButton({ organisation }: { organisation: HostedOrganisation }) {
  const suspended = organisation.suspendedAt !== null
  const action = `/operator/organisations/${organisation.id}/${suspended ? 'restore' : 'suspend'}`
  return (
    <form method="post" action={action}>
      <button
        class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
        data-module="nhsuk-button"
        type="submit"
      >
        {suspended ? 'Restore' : 'Suspend'}
        <span class="nhsuk-u-visually-hidden">{` ${organisation.name}`}</span>
      </button>
    </form>
  )
}

/** The operator's home: every organisation the service holds, and what can be done to each. */
export function OrganisationsPage({
  organisations,
  networks,
  email,
}: {
  organisations: HostedOrganisation[]
  networks: { id: string; name: string; kOrg: number; members: number }[]
  email: string
}) {
  return (
    <>
      <h1>Organisations on this service</h1>
      <p>{`You are signed in as the service’s operator (${email}). You can add an organisation with its first admin, and suspend or restore one. You cannot see inside an organisation: its people, rounds and results are its own.`}</p>
      <p>
        <a class="nhsuk-button" data-module="nhsuk-button" href="/operator/organisations/new">
          Add an organisation
        </a>
      </p>
      <Table
        wide="organisations-caption"
        caption={`${organisations.length} ${organisations.length === 1 ? 'organisation' : 'organisations'}`}
        columns={[
          { header: 'Organisation' },
          { header: 'Added (UTC)' },
          { header: 'People', numeric: true },
          { header: 'Rounds', numeric: true },
          { header: 'Status' },
          { header: 'Change' },
        ]}
        rows={organisations.map((o) => [
          o.name,
          o.createdAt.slice(0, 10),
          String(o.people),
          String(o.rounds),
          o.suspendedAt ? `Suspended on ${o.suspendedAt.slice(0, 10)}` : 'Active',
          <SuspendButton organisation={o} />,
        ])}
      />
      <p class="nhsuk-body-s">
        A suspended organisation keeps everything it holds, but no one of it can sign in and its
        questionnaire links stop working until it is restored. Each change is written in the
        organisation’s own audit log.
      </p>
      <h2>Networks</h2>
      <p>
        A network lets organisations see where they stand against each other. Its coordinator
        invites organisations, which join only when their own admin accepts.
      </p>
      {networks.length > 0 && (
        <Table
          caption={`${networks.length} ${networks.length === 1 ? 'network' : 'networks'}`}
          columns={[
            { header: 'Network' },
            { header: 'Members', numeric: true },
            { header: 'Fewest organisations behind a figure', numeric: true },
          ]}
          rows={networks.map((n) => [n.name, String(n.members), String(n.kOrg)])}
        />
      )}
      <p>
        <a href="/operator/networks/new">Add a network</a>
      </p>
      <form method="post" action="/operator/sign-out">
        <button
          class="nhsuk-button nhsuk-button--secondary"
          data-module="nhsuk-button"
          type="submit"
        >
          Sign out
        </button>
      </form>
    </>
  )
}
