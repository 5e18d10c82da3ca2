import { ErrorSummary } from '../../components/error-summary'
import { SavingNote } from './messages'
import { Question, type QuestionProps } from './question'

export type DomainPageProps = {
  heading: { round: string; group: string }
  index: number
  count: number
  title: string
  description?: string | undefined
  questions: readonly QuestionProps[]
  errors: Record<string, string>
  action: string
}

/** One domain of the questionnaire: its questions, and buttons that save and move on or back. */
export function DomainPage(props: DomainPageProps) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={props.errors} />
        <span class="nhsuk-caption-l">
          {props.heading.round}: {props.heading.group}
        </span>
        <h1>
          <span class="nhsuk-caption-m">
            Section {props.index} of {props.count}
          </span>
          {props.title}
        </h1>
        {props.description && <p class="nhsuk-lede-text">{props.description}</p>}
        <SavingNote then="You can come back to this link later." />
        <form method="post" action={props.action} novalidate>
          {props.questions.map((question) => (
            <Question {...question} />
          ))}
          <div class="nhsuk-button-group">
            <button
              class="nhsuk-button"
              data-module="nhsuk-button"
              type="submit"
              name="go"
              value="next"
            >
              Save and continue
            </button>
            {props.index > 1 && (
              <button
                class="nhsuk-button nhsuk-button--secondary"
                data-module="nhsuk-button"
                type="submit"
                name="go"
                value="previous"
              >
                Save and go back
              </button>
            )}
            <button
              class="nhsuk-button nhsuk-button--secondary"
              data-module="nhsuk-button"
              type="submit"
              name="go"
              value="review"
            >
              Save and review
            </button>
          </div>
        </form>
      </div>
    </div>
  )
}
