import { groupingKinds } from '../../../src/instruments/enums'
import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { Form } from '../../components/form'
import { Select } from '../../components/select'
import { TextInput } from '../../components/text-input'
import { groupingKindLabels } from './labels'

export type GroupingFormProps = { values: FormValues; errors: FieldErrors }

export function GroupingForm({ values, errors }: GroupingFormProps) {
  return (
    <Form id="grouping-form" action="/teams/groupings/new" errors={errors} submit="Save">
      <Select
        name="kind"
        label="Kind"
        options={groupingKinds.map((k) => ({ value: k, text: groupingKindLabels[k] }))}
        value={values.kind}
        error={errors.kind}
      />
      <TextInput name="name" label="Name" value={values.name} error={errors.name} />
    </Form>
  )
}

export function GroupingFormPage(props: GroupingFormProps) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Add a service line or locality</h1>
        <GroupingForm {...props} />
      </div>
    </div>
  )
}
