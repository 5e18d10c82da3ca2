import type { FieldErrors } from '../../../src/lib/validation'
import { Choices } from '../../components/choices'
import { DateInput } from '../../components/date-input'
import { Form } from '../../components/form'
import { Select } from '../../components/select'
import { TextInput } from '../../components/text-input'
import { AnonymityFields } from './anonymity-fields'
import { modeLabels } from './labels'

export type RoundFormProps = {
  values: {
    [field in
      | 'name'
      | 'instrument'
      | 'mode'
      | 'opensOn'
      | 'closesOn'
      | 'anonymityThreshold'
      | 'commentThreshold'
      | 'itemMid'
      | 'teamMid']?: string | undefined
  } & { groups?: string[]; perspectives?: string[] }
  errors: FieldErrors
  instruments: readonly { value: string; text: string }[]
  groups: readonly { value: string; text: string }[]
  perspectives: readonly { value: string; text: string }[]
  /** A draft being changed: where the form goes and what it says; otherwise a new round. */
  editing?: { action: string; cancel: string } | undefined
}

export function RoundForm({
  values,
  errors,
  instruments,
  groups,
  perspectives,
  editing,
}: RoundFormProps) {
  return (
    <Form
      id="round-form"
      action={editing?.action ?? '/rounds/new'}
      errors={errors}
      submit={editing ? 'Save the round' : 'Create the round'}
    >
      <TextInput
        name="name"
        label="Name of the round"
        hint="For example, Spring 2027"
        value={values.name}
        error={errors.name}
      />
      <Select
        name="instrument"
        label="Questionnaire"
        options={[{ value: '', text: 'Choose a questionnaire' }, ...instruments]}
        value={values.instrument}
        error={errors.instrument}
      />
      <Choices
        type="radio"
        name="mode"
        legend="How will it be completed?"
        options={[
          {
            value: 'individual',
            text: modeLabels.individual,
            hint: 'Each person answers from their own link; results are anonymous and aggregated',
          },
          {
            value: 'consensus',
            text: modeLabels.consensus,
            hint: 'The group agrees one rating per question in a meeting, recorded by a facilitator',
          },
        ]}
        values={values.mode ? [values.mode] : []}
        error={errors.mode}
      />
      <Choices
        type="checkbox"
        name="perspectives"
        legend="Whose views"
        hint="The questionnaire must have wording for each one you choose"
        options={perspectives}
        values={values.perspectives ?? []}
        error={errors.perspectives}
      />
      <Choices
        type="checkbox"
        name="groups"
        legend="Groups assessed"
        options={groups}
        values={values.groups ?? []}
        error={errors.groups}
      />
      <DateInput name="opensOn" legend="Opening date" values={values} error={errors.opensOn} />
      <DateInput name="closesOn" legend="Closing date" values={values} error={errors.closesOn} />
      <h2 class="nhsuk-heading-m">Thresholds</h2>
      <p>These are fixed when the round opens.</p>
      <AnonymityFields values={values} errors={errors} />
      <TextInput
        name="itemMid"
        label="Smallest change in a question’s score that matters (0 to 100)"
        hint="12.5 is one step on a five-point scale"
        inputmode="decimal"
        width={4}
        value={values.itemMid}
        error={errors.itemMid}
      />
      <TextInput
        name="teamMid"
        label="Smallest change in a team’s total that matters (0 to 100)"
        hint="5 is usual"
        inputmode="decimal"
        width={4}
        value={values.teamMid}
        error={errors.teamMid}
      />
    </Form>
  )
}

export function RoundFormPage(props: RoundFormProps) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>{props.editing ? 'Change the round' : 'Create a round'}</h1>
        <RoundForm {...props} />
        {props.editing && (
          <p>
            <a href={props.editing.cancel}>Cancel and go back to the round</a>
          </p>
        )}
      </div>
    </div>
  )
}
