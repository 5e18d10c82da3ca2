import { longDate } from '../rounds/labels'

type RoundLink = { id: string; name: string; opensOn: string; closesOn: string }

export type HomeProps = {
  organisationName: string
  openRounds: readonly (RoundLink & { groups: readonly string[] })[]
  consensusToRecord: readonly {
    roundId: string
    roundName: string
    groupId: string
    groupName: string
    started: boolean
  }[]
  roundsToClose: readonly RoundLink[]
  drafts: readonly RoundLink[]
  latestClosed: readonly RoundLink[]
  canCreate: boolean
}

function Section({ heading, children }: { heading: string; children: unknown }) {
  return (
    <section class="nhsuk-u-margin-bottom-6">
      <h2 class="nhsuk-heading-m">{heading}</h2>
      {children}
    </section>
  )
}

/** What this person has to do, and the latest results they can see. */
export function HomePage(props: HomeProps) {
  const nothing =
    props.openRounds.length +
      props.consensusToRecord.length +
      props.roundsToClose.length +
      props.drafts.length ===
    0
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <span class="nhsuk-caption-l">Home</span>
        <h1>{props.organisationName}</h1>
        {nothing && <p>There is nothing for you to do at the moment.</p>}
        {props.roundsToClose.length > 0 && (
          <Section heading="Rounds past their closing date">
            <ul class="nhsuk-list nhsuk-list--bullet">
              {props.roundsToClose.map((r) => (
                <li>
                  <a href={`/rounds/${r.id}`}>{r.name}</a> closed on {longDate(r.closesOn)}: close
                  it to see the results
                </li>
              ))}
            </ul>
          </Section>
        )}
        {props.consensusToRecord.length > 0 && (
          <Section heading="Consensus ratings to record">
            <ul class="nhsuk-list nhsuk-list--bullet">
              {props.consensusToRecord.map((r) => (
                <li>
                  <a href={`/rounds/${r.roundId}/consensus/${r.groupId}`}>
                    {r.groupName}, {r.roundName}
                  </a>
                  {r.started ? ' (in progress)' : ''}
                </li>
              ))}
            </ul>
          </Section>
        )}
        {props.openRounds.length > 0 && (
          <Section heading="Rounds open for your groups">
            <ul class="nhsuk-list nhsuk-list--bullet">
              {props.openRounds.map((r) => (
                <li>
                  <a href={`/rounds/${r.id}`}>{r.name}</a>, until {longDate(r.closesOn)}:{' '}
                  {r.groups.join(', ')}
                </li>
              ))}
            </ul>
          </Section>
        )}
        {props.drafts.length > 0 && (
          <Section heading="Rounds not yet opened">
            <ul class="nhsuk-list nhsuk-list--bullet">
              {props.drafts.map((r) => (
                <li>
                  <a href={`/rounds/${r.id}`}>{r.name}</a>, planned to open on {longDate(r.opensOn)}
                </li>
              ))}
            </ul>
          </Section>
        )}
        <Section heading="Latest results">
          {props.latestClosed.length === 0 ? (
            <p>No round has closed yet.</p>
          ) : (
            <ul class="nhsuk-list nhsuk-list--bullet">
              {props.latestClosed.map((r) => (
                <li>
                  <a href={`/rounds/${r.id}`}>{r.name}</a>
                </li>
              ))}
            </ul>
          )}
        </Section>
        {props.canCreate && (
          <p>
            <a href="/rounds/new">Create a round</a>
          </p>
        )}
      </div>
    </div>
  )
}
