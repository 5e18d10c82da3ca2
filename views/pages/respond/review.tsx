import { itemKey } from '../../../src/instruments/answer-form'
import { ErrorSummary } from '../../components/error-summary'
import { Table } from '../../components/table'

export type ReviewDomain = {
  index: number
  title: string
  items: { linkId: string; number: number; text: string; answer: string | null }[]
}

type ReviewPageProps = {
  heading: { round: string; group: string }
  base: string
  domains: readonly ReviewDomain[]
  consensus: boolean
  /** Why the submission was refused, if it was. */
  problem?: string | undefined
}

/** Every answer before submitting, with the unanswered items listed first, each linking back. */
export function ReviewPage({ heading, base, domains, consensus, problem }: ReviewPageProps) {
  const unanswered = domains.flatMap((d) =>
    d.items.filter((item) => item.answer === null).map((item) => ({ ...item, domain: d })),
  )
  const submit = consensus ? 'Complete the consensus record' : 'Submit your answers'
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <ErrorSummary
          errors={problem ? { answers: problem } : {}}
          hrefFor={() => `${base}/domains/1`}
        />
        <span class="nhsuk-caption-l">
          {heading.round}: {heading.group}
        </span>
        <h1>Check your answers</h1>
        {unanswered.length > 0 ? (
          <div class="nhsuk-inset-text">
            <h2 class="nhsuk-heading-s">
              {unanswered.length} {unanswered.length === 1 ? 'question has' : 'questions have'} no
              answer
            </h2>
            <p>You can submit without them, or go back and answer them.</p>
            <ul class="nhsuk-list nhsuk-list--bullet">
              {unanswered.map((item) => (
                <li>
                  <a href={`${base}/domains/${item.domain.index}#item-${itemKey(item.linkId)}`}>
                    Question {item.number}: {item.text}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p>Every question has an answer.</p>
        )}
        {domains.map((domain) => (
          <Table
            caption={
              <>
                {domain.title}{' '}
                <a class="nhsuk-body-s" href={`${base}/domains/${domain.index}`}>
                  Change<span class="nhsuk-u-visually-hidden"> answers about {domain.title}</span>
                </a>
              </>
            }
            captionSize="m"
            columns={[{ header: 'Question' }, { header: 'Your answer' }]}
            rows={domain.items.map((item) => [
              `${item.number}. ${item.text}`,
              item.answer ?? 'Not answered',
            ])}
          />
        ))}
        <p>
          {consensus
            ? 'Once completed, the record cannot be changed.'
            : 'Once submitted, your answers cannot be changed. Nothing you submit is linked to you.'}
        </p>
        <form method="post" action={`${base}/submit`} novalidate>
          <button
            class="nhsuk-button"
            data-module="nhsuk-button"
            data-prevent-double-click="true"
            type="submit"
          >
            {submit}
          </button>
        </form>
      </div>
    </div>
  )
}
