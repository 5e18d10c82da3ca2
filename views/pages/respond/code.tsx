import { ErrorSummary } from '../../components/error-summary'
import { TextInput } from '../../components/text-input'

/**
 * Where a person types the code printed on their card, and what they see when it is not a code
 * (or not one this service knows): what to check, and whom to ask. Never the staff sign-in.
 */
export function CodePage({
  code,
  error,
}: {
  code?: string | undefined
  error?: string | undefined
}) {
  const errors: Record<string, string> = error ? { code: error } : {}
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <form method="get" action="/r" novalidate>
          <TextInput
            name="code"
            label="Enter the code from your card"
            labelIsPageHeading
            hint="It is 12 letters and numbers, in three groups of four, like K7QM 3XHP 9DRT. Capital or small letters both work."
            value={code}
            error={error}
            autocomplete="off"
            width={10}
          />
          <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
            Continue
          </button>
        </form>
        <p>
          The code opens a short questionnaire about the service. You do not need an account, and
          your answers are anonymous.
        </p>
        <p>
          If the code does not work, ask the person who gave you the card for a new one. This page
          is not where staff sign in.
        </p>
      </div>
    </div>
  )
}
