import type { Team } from '../../../src/db/queries/groups'
import { teamTypes } from '../../../src/instruments/enums'
import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { Form } from '../../components/form'
import { Select } from '../../components/select'
import { TextInput } from '../../components/text-input'
import { teamTypeLabels } from './labels'

export type TeamFormProps = {
  action: string
  values: FormValues
  errors: FieldErrors
  groupings: { id: string; name: string }[]
  teams: Team[]
}

export function TeamForm({ action, values, errors, groupings, teams }: TeamFormProps) {
  const none = { value: '', text: 'None' }
  return (
    <Form id="team-form" action={action} errors={errors} submit="Save team">
      <TextInput name="name" label="Team name" value={values.name} error={errors.name} />
      <Select
        name="teamType"
        label="Type of team"
        options={[
          { value: '', text: 'Choose a type' },
          ...teamTypes.map((t) => ({ value: t, text: teamTypeLabels[t] })),
        ]}
        value={values.teamType}
        error={errors.teamType}
      />
      <Select
        name="groupingId"
        label="Service line or locality"
        hint="Optional. Results roll up to it."
        options={[none, ...groupings.map((g) => ({ value: g.id, text: g.name }))]}
        value={values.groupingId}
        error={errors.groupingId}
      />
      <Select
        name="predecessorId"
        label="Continues an earlier team"
        hint="Optional. For a team that was merged, split or renamed, so its results carry on."
        options={[none, ...teams.map((t) => ({ value: t.id, text: t.name }))]}
        value={values.predecessorId}
        error={errors.predecessorId}
      />
    </Form>
  )
}

export function TeamFormPage(props: TeamFormProps & { heading: string }) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>{props.heading}</h1>
        <TeamForm {...props} />
      </div>
    </div>
  )
}
