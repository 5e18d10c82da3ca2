import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { Form } from '../../components/form'
import { Select } from '../../components/select'
import { TextInput } from '../../components/text-input'
import { OperatorFormPage } from './form-page'

export function NewNetworkForm({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  return (
    <Form
      id="network-form"
      action="/operator/networks/new"
      errors={errors}
      submit="Add the network"
    >
      <TextInput
        name="name"
        label="Network name"
        hint="For example, North recovery collaborative."
        value={values.name}
        error={errors.name}
      />
      <TextInput
        name="coordinatorEmail"
        type="email"
        label="Coordinator’s email address"
        hint="Someone who already signs in to this service, in any organisation: they invite organisations and publish each period, and never see one member’s figures."
        value={values.coordinatorEmail}
        error={errors.coordinatorEmail}
        autocomplete="off"
      />
      <Select
        name="periodMonths"
        label="How long each benchmark period is"
        hint="Each period is published once, after it ends."
        options={[
          { value: '6', text: 'Half a year' },
          { value: '3', text: 'A quarter' },
          { value: '12', text: 'A year' },
        ]}
        value={values.periodMonths ?? '6'}
        error={errors.periodMonths}
      />
      <TextInput
        name="kOrg"
        label="Fewest organisations behind a network figure"
        hint="5 unless you have a reason; never fewer than 3."
        value={values.kOrg ?? '5'}
        error={errors.kOrg}
        inputmode="numeric"
        width={2}
      />
    </Form>
  )
}

export function NewNetworkPage(props: { values: FormValues; errors: FieldErrors }) {
  return (
    <OperatorFormPage
      heading="Add a network"
      intro="A network lets its members see where they stand against each other. Organisations join only when their own admin accepts the coordinator’s invitation."
    >
      <NewNetworkForm {...props} />
    </OperatorFormPage>
  )
}
