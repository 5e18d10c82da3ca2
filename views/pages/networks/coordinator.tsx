import type { KeptPeriod, Network } from '../../../src/db/network-store'
import { periodWords } from '../../../src/instruments/network'
import { Select } from '../../components/select'
import { Table } from '../../components/table'
import { DistributionTable } from './distribution'

export type CoordinatorPageProps = {
  network: Network
  members: number
  invited: { id: string; name: string }[]
  invitable: { id: string; name: string }[]
  freezable: string[]
  periods: KeptPeriod[]
  label: (measure: string) => string
}

/**
 * The coordinator's view of a network: who takes part and how many gave figures, and each frozen
 * period's distributions. No member's own figure, and no member's name beside a figure.
 */
export function CoordinatorPage(props: CoordinatorPageProps) {
  const { network, members, invited, invitable, freezable, periods, label } = props
  return (
    <>
      <h1>{network.name}</h1>
      <p>{`You coordinate this network. ${members} ${members === 1 ? 'organisation is a member' : 'organisations are members'}; a network figure shows only when at least ${network.kOrg} organisations give one, and each organisation gives only figures that already show inside it. You never see one member’s figures.`}</p>
      <p>
        <a href="/results/rules#networks">How network figures are worked out</a>
      </p>
      <h2>Benchmark periods</h2>
      {periods.length === 0 && <p>No period has been published yet.</p>}
      {periods.length > 0 && (
        <Table
          caption="Who took part in each period"
          columns={[
            { header: 'Period' },
            { header: 'Members when published', numeric: true },
            { header: 'Gave figures', numeric: true },
          ]}
          rows={periods.map((p) => [
            periodWords(p.period),
            String(p.members),
            String(p.contributing),
          ])}
        />
      )}
      {periods.map((p) => (
        <DistributionTable
          id={`period-${p.period}`}
          caption={`${periodWords(p.period)}: the network’s scores`}
          kOrg={network.kOrg}
          rows={Object.keys(p.measures)
            .sort()
            .map((measure) => ({ label: label(measure), distribution: p.measures[measure] }))}
        />
      ))}
      {freezable.length > 0 && (
        <form method="post" action={`/networks/run/${network.id}/publish`}>
          <Select
            name="period"
            label="Publish a period"
            hint="Its figures are worked out once, from the members of this moment, and never change after: someone joining or leaving later changes nothing already published."
            options={freezable.map((p) => ({ value: p, text: periodWords(p) }))}
          />
          <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
            Publish this period
          </button>
        </form>
      )}
      <h2>Invitations</h2>
      {invited.length > 0 && (
        <p>{`Waiting for an answer: ${invited.map((o) => o.name).join(', ')}.`}</p>
      )}
      {invitable.length > 0 ? (
        <form method="post" action={`/networks/run/${network.id}/invite`}>
          <Select
            name="organisationId"
            label="Invite an organisation"
            hint="It joins only when its admin accepts."
            options={invitable.map((o) => ({ value: o.id, text: o.name }))}
          />
          <button
            class="nhsuk-button nhsuk-button--secondary"
            data-module="nhsuk-button"
            type="submit"
          >
            Send the invitation
          </button>
        </form>
      ) : (
        <p>Every organisation on the service is a member or has been invited.</p>
      )}
    </>
  )
}
