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
  /** For an admin until every step is done: which first steps are done. */
  firstSteps: {
    teams: boolean
    people: boolean
    round: boolean
    links: boolean
    firstRound?: string | undefined
  } | null
}

/** An admin's first steps, in order, each ticked when done; gone once all are. */
function FirstSteps({ steps }: { steps: NonNullable<HomeProps['firstSteps']> }) {
  const tasks = [
    {
      id: 'teams',
      name: 'Add your teams and service lines',
      hint: 'The clinical teams that will assess themselves, and the service lines they belong to',
      href: '/teams',
      done: steps.teams,
    },
    {
      id: 'people',
      name: 'Add people and give them roles',
      hint: 'Team leads, the recovery strategy lead, executives: each gets a link to set a password',
      href: '/people',
      done: steps.people,
    },
    {
      id: 'round',
      name: 'Create the first round',
      hint: 'Choose the questionnaire, the groups, the dates and who answers',
      href: steps.firstRound ? `/rounds/${steps.firstRound}` : '/rounds/new',
      done: steps.round,
    },
    {
      id: 'links',
      name: 'Open the round and make invitation links',
      hint: 'Print the cards or send the links; a consensus round needs no links',
      href: steps.firstRound ? `/rounds/${steps.firstRound}` : '/rounds/new',
      done: steps.links,
    },
  ]
  const done = tasks.filter((t) => t.done).length
  return (
    <section class="nhsuk-u-margin-bottom-6">
      <h2 class="nhsuk-heading-m">Get started</h2>
      <p>
        You have done {done} of {tasks.length} steps.
      </p>
      <ul class="nhsuk-task-list">
        {tasks.map((task) => (
          <li class="nhsuk-task-list__item nhsuk-task-list__item--with-link">
            <div class="nhsuk-task-list__name-and-hint">
              <a
                class="nhsuk-link nhsuk-task-list__link"
                href={task.href}
                aria-describedby={`step-${task.id}-hint step-${task.id}-status`}
              >
                {task.name}
              </a>
              <div class="nhsuk-task-list__hint" id={`step-${task.id}-hint`}>
                {task.hint}
              </div>
            </div>
            <div class="nhsuk-task-list__status" id={`step-${task.id}-status`}>
              {task.done ? (
                'Completed'
              ) : (
                <strong class="nhsuk-tag nhsuk-tag--blue">Not done yet</strong>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
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
        {props.firstSteps && <FirstSteps steps={props.firstSteps} />}
        {nothing && !props.firstSteps && <p>There is nothing for you to do at the moment.</p>}
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
                  <a href={`/results?round=${r.id}`}>Results of {r.name}</a> (
                  <a href={`/results/report?round=${r.id}`}>
                    report<span class="nhsuk-u-visually-hidden"> for {r.name}</span>
                  </a>
                  )
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
