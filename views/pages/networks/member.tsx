import type { Distribution } from '../../../src/instruments/network'
import { periodWords } from '../../../src/instruments/network'
import { LineChart } from '../../components/line-chart'
import { DistributionTable } from './distribution'

export type MemberRow = {
  measure: string
  label: string
  distribution: Distribution | undefined
  own: number | undefined
  standing: string
}

export type MemberPeriod = { period: string; rows: MemberRow[] }

/** A total score over the periods: the member's own beside the network's median and middle half. */
function Trend({ network, measure }: { network: MemberNetwork; measure: string }) {
  const rows = network.periods.map((p) => p.rows.find((r) => r.measure === measure))
  const shownOf = (r: MemberRow | undefined) => (r?.distribution?.shown ? r.distribution : null)
  const hidden = rows.map((r) =>
    r && !shownOf(r) ? `not shown: fewer than ${network.kOrg} organisations` : undefined,
  )
  const label = rows.find(Boolean)?.label ?? measure
  return (
    <LineChart
      id={`trend-${network.id}-${measure.replaceAll('/', '-')}`}
      caption={`${label}: yours beside the network’s, by period`}
      labels={network.periods.map((p) => periodWords(p.period))}
      xLabel="Period"
      decimals={1}
      series={[
        { label: 'Yours', data: rows.map((r) => r?.own ?? null), missing: rows.map(() => 'none') },
        {
          label: 'Network median',
          data: rows.map((r) => shownOf(r)?.median ?? null),
          missing: hidden,
        },
        {
          label: 'Network lower quartile',
          data: rows.map((r) => shownOf(r)?.lowerQuartile ?? null),
          missing: hidden,
        },
        {
          label: 'Network upper quartile',
          data: rows.map((r) => shownOf(r)?.upperQuartile ?? null),
          missing: hidden,
        },
      ]}
      notes={{ header: 'Where you stand', cells: rows.map((r) => r?.standing ?? '') }}
    />
  )
}

const oneDecimal = (value: number | undefined) => (value === undefined ? 'none' : value.toFixed(1))

export type MemberNetwork = { id: string; name: string; kOrg: number; periods: MemberPeriod[] }

/**
 * A member organisation's networks: invitations for its admin to answer, and in each network its
 * own executive and team figures beside the network's, period by period.
 */
export function MemberNetworksPage({
  coordinated,
  invitations,
  networks,
  canAnswer,
}: {
  coordinated: { id: string; name: string }[]
  invitations: { id: string; name: string }[]
  networks: MemberNetwork[]
  canAnswer: boolean
}) {
  return (
    <>
      <h1>Networks</h1>
      <p>
        In a network, organisations see where they stand against each other without anyone being
        exposed: the network shows the median, middle half and range of its members’ scores, each
        only when enough organisations give one, and no organisation is named beside a figure.
      </p>
      {coordinated.length > 0 && (
        <>
          <h2>Networks you coordinate</h2>
          <ul class="nhsuk-list">
            {coordinated.map((n) => (
              <li>
                <a href={`/networks/run/${n.id}`}>{n.name}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {invitations.map((invitation) => (
        <section class="nhsuk-card">
          <div class="nhsuk-card__content">
            <h2 class="nhsuk-card__heading">{`Invitation to join ${invitation.name}`}</h2>
            {canAnswer ? (
              <>
                <p>
                  Joining gives the network your organisation’s executive and teams-together scores
                  of each closed round, only where they already show inside your organisation.
                </p>
                <form method="post" action={`/networks/${invitation.id}/answer`}>
                  <button
                    class="nhsuk-button"
                    data-module="nhsuk-button"
                    type="submit"
                    name="answer"
                    value="accept"
                  >
                    Join {invitation.name}
                  </button>{' '}
                  <button
                    class="nhsuk-button nhsuk-button--secondary"
                    data-module="nhsuk-button"
                    type="submit"
                    name="answer"
                    value="decline"
                  >
                    Decline
                  </button>
                </form>
              </>
            ) : (
              <p>An admin of your organisation can accept or decline it.</p>
            )}
          </div>
        </section>
      ))}
      <p>
        <a href="/results/rules#networks">How network figures are worked out</a>
      </p>
      {networks.length === 0 && invitations.length === 0 && coordinated.length === 0 && (
        <p>Your organisation is not in a network.</p>
      )}
      {networks.map((network) => (
        <section aria-labelledby={`network-${network.id}`}>
          <h2 id={`network-${network.id}`}>{network.name}</h2>
          {network.periods.length === 0 && <p>The network has not published a period yet.</p>}
          {network.periods.map((p) => (
            <DistributionTable
              id={`network-${network.id}-${p.period}`}
              caption={`${periodWords(p.period)}: your scores beside the network’s`}
              kOrg={network.kOrg}
              rows={p.rows.map((r) => ({ ...r, own: oneDecimal(r.own) }))}
            />
          ))}
          {network.periods.length > 0 &&
            [...new Set(network.periods.flatMap((p) => p.rows.map((r) => r.measure)))]
              .filter((measure) => measure.endsWith('/total'))
              .map((measure) => <Trend network={network} measure={measure} />)}
          {canAnswer && (
            <form method="post" action={`/networks/${network.id}/leave`}>
              <button
                class="nhsuk-button nhsuk-button--secondary"
                data-module="nhsuk-button"
                type="submit"
              >
                Leave {network.name}
              </button>
            </form>
          )}
        </section>
      ))}
    </>
  )
}
