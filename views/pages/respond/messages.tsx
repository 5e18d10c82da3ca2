type Heading = { round: string; group: string }

function Message({
  heading,
  title,
  children,
}: {
  heading: Heading
  title: string
  children: unknown
}) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <span class="nhsuk-caption-l">
          {heading.round}: {heading.group}
        </span>
        <h1>{title}</h1>
        {children}
      </div>
    </div>
  )
}

export function StartPage({
  heading,
  instrumentTitle,
  questions,
  domains,
  next,
  started,
  consensus,
}: {
  heading: Heading
  instrumentTitle: string
  questions: number
  domains: number
  next: string
  started: boolean
  consensus: boolean
}) {
  return (
    <Message heading={heading} title={instrumentTitle}>
      <p>
        There are {questions} questions in {domains} sections. Answer each one as it is now, not as
        it should be. “Don’t know” and “Not applicable” are real answers.
      </p>
      {consensus ? (
        <p>Record the rating the group agrees on, the evidence for it, and any dissent.</p>
      ) : (
        <p>
          Your answers are anonymous: they are not linked to you or to this link, and your team’s
          results are shown only when enough people have answered.
        </p>
      )}
      <p>Each answer is saved as you go. You can stop and come back to this link later.</p>
      <a class="nhsuk-button" data-module="nhsuk-button" href={next}>
        {started ? 'Continue' : 'Start now'}
      </a>
    </Message>
  )
}

export function AlreadySubmittedPage({
  heading,
  consensus,
}: {
  heading: Heading
  consensus: boolean
}) {
  return (
    <Message heading={heading} title={consensus ? 'Already completed' : 'Already submitted'}>
      <p>
        {consensus
          ? 'The consensus record for this group has been completed. It cannot be changed.'
          : 'The answers from this link have already been submitted. They cannot be changed or submitted again.'}
      </p>
    </Message>
  )
}

export function ThankYouPage({ heading, consensus }: { heading: Heading; consensus: boolean }) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <div class="nhsuk-panel">
          <h1 class="nhsuk-panel__title">
            {consensus ? 'Consensus record completed' : 'Thank you'}
          </h1>
          <div class="nhsuk-panel__body">
            {heading.round}: {heading.group}
          </div>
        </div>
        <p>
          {consensus
            ? 'The agreed ratings are recorded and will appear in the results when the round closes.'
            : 'Your answers have been submitted. The results will be shared with your team when the round closes.'}
        </p>
        <p>You can close this page.</p>
      </div>
    </div>
  )
}

export function ClosedPage({ heading }: { heading: Heading }) {
  return (
    <Message heading={heading} title="This questionnaire is closed">
      <p>The round this link belongs to is not open for answers.</p>
      <p>If you think it should be, speak to the person who gave you the link.</p>
    </Message>
  )
}
