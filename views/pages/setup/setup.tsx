import { SetupForm, type SetupFormProps } from '../../partials/setup/setup-form'

export function SetupPage(props: SetupFormProps) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Set up your organisation</h1>
        <p>
          This is the first time the service has been opened. Name the organisation that will assess
          its recovery culture. Its executive team is created with it, as the first group to be
          assessed.
        </p>
        <SetupForm {...props} />
      </div>
    </div>
  )
}
