import { type Perspective, perspectiveLabels } from '../../../src/instruments/definition'
import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { Form } from '../../components/form'
import { Textarea } from '../../components/textarea'

export type EditItemProps = {
  action: string
  linkId: string
  perspectives: Perspective[]
  values: FormValues
  errors: FieldErrors
}

export function EditItemForm({ action, perspectives, values, errors }: EditItemProps) {
  return (
    <Form id="edit-item" action={action} errors={errors} submit="Save wording">
      {perspectives.map((p) => (
        <Textarea
          name={`text-${p}`}
          label={`Wording for: ${perspectiveLabels[p]}`}
          value={values[`text-${p}`]}
          error={errors[`text-${p}`]}
        />
      ))}
      <Textarea
        name="help"
        label="Help text (optional)"
        hint="Shown under the question to everyone who answers it"
        value={values.help}
        error={errors.help}
      />
    </Form>
  )
}

export function EditItemPage(props: EditItemProps & { title: string }) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <span class="nhsuk-caption-l">{props.title}</span>
        <h1>{`Change the wording of ${props.linkId}`}</h1>
        <p>
          The linkId stays the same, so answers before and after still compare. Change the wording,
          not the meaning.
        </p>
        <EditItemForm {...props} />
      </div>
    </div>
  )
}
