import { longDate } from '../rounds/labels'

type Heading = { round: string; group: string }

/**
 * How answers are kept, as it is true: with JavaScript each answer is saved as it is chosen; without
 * it, when a page's button is pressed. The stylesheet shows the one that applies.
 */
export function SavingNote({ then }: { then: string }) {
  return (
    <>
      <p class="app-js-only">Each answer is saved as soon as you choose it. {then}</p>
      <p class="app-no-js">
        Your answers are saved when you press a button at the bottom of each page, such as “Save and
        continue”. {then}
      </p>
    </>
  )
}

/** Minutes a questionnaire takes, at about 20 seconds a question, rounded up to 5 minutes. */
export const minutesFor = (questions: number) => Math.max(5, Math.ceil(questions / 15) * 5)

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
  respondent,
}: {
  heading: Heading
  instrumentTitle: string
  questions: number
  domains: number
  next: string
  started: boolean
  consensus: boolean
  respondent?: { contact: string | null; threshold: number } | undefined
}) {
  return (
    <Message heading={heading} title={instrumentTitle}>
      <p>
        There are {questions} questions in {domains} sections. It takes about{' '}
        {minutesFor(questions)} minutes. Answer each one as things are now, not as they should be.
        “Don’t know” and “Not applicable” are real answers.
      </p>
      {consensus ? (
        <p>Record the rating the group agrees on, the evidence for it, and any dissent.</p>
      ) : (
        <>
          <h2 class="nhsuk-heading-m">What happens to your answers</h2>
          <p>
            Your answers are anonymous. We do not ask your name, and nobody can tell which answers
            are yours, not even the person who gave you this link.
          </p>
          <p>
            Your answers are added together with other people’s. A result is shown only when at
            least {respondent?.threshold ?? 5} people have answered. The team uses the results to
            choose what to make better.
          </p>
          <h2 class="nhsuk-heading-m">If you have a question</h2>
          <p>
            {respondent?.contact
              ? `Contact ${respondent.contact}, or ask the person who gave you this link.`
              : 'Ask the person who gave you this link.'}
          </p>
        </>
      )}
      <SavingNote then="You can stop and come back to this link later." />
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

/** When a round takes answers: the day it is due to open (and whether that has passed unopened). */
export type Window = { opensOn?: string | undefined; overdue?: boolean; closedOn: string }

export function ClosedPage({ heading, window }: { heading: Heading; window?: Window | undefined }) {
  if (window?.opensOn) {
    return (
      <Message heading={heading} title="This questionnaire is not open yet">
        {window.overdue ? (
          <p>
            It was due to open on {longDate(window.opensOn)} but has not been opened yet. Speak to
            the person who gave you the link.
          </p>
        ) : (
          <>
            <p>
              It is due to open on {longDate(window.opensOn)}. Keep this link and come back then.
            </p>
            <p>If it has not opened by then, speak to the person who gave you the link.</p>
          </>
        )}
      </Message>
    )
  }
  return (
    <Message heading={heading} title="This questionnaire is closed">
      <p>
        {window
          ? `It closed on ${longDate(window.closedOn)}, so it no longer takes answers.`
          : 'It no longer takes answers.'}
      </p>
      <p>If you think it should be open, speak to the person who gave you the link.</p>
    </Message>
  )
}
