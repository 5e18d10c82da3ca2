import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { Form } from '../../components/form'
import { TextInput } from '../../components/text-input'
import { OperatorFormPage } from './form-page'

export function NewOrganisationForm({
  values,
  errors,
}: {
  values: FormValues
  errors: FieldErrors
}) {
  return (
    <Form
      id="organisation-form"
      action="/operator/organisations/new"
      errors={errors}
      submit="Add the organisation"
    >
      <TextInput
        name="name"
        label="Organisation name"
        hint="As its people know it, for example Northmoor Mental Health NHS Trust."
        value={values.name}
        error={errors.name}
        autocomplete="organization"
      />
      <TextInput
        name="adminName"
        label="First admin’s name"
        value={values.adminName}
        error={errors.adminName}
        autocomplete="off"
      />
      <TextInput
        name="email"
        type="email"
        label="First admin’s email address"
        hint="They sign in with it. No one else on the service may have it."
        value={values.email}
        error={errors.email}
        autocomplete="off"
      />
    </Form>
  )
}

export function NewOrganisationPage(props: { values: FormValues; errors: FieldErrors }) {
  return (
    <OperatorFormPage
      heading="Add an organisation"
      intro="The organisation starts with an executive team and one admin. You will get a one-time link to give the admin, with which they set their password; they then add their own teams and people."
    >
      <NewOrganisationForm {...props} />
    </OperatorFormPage>
  )
}

/** The new organisation's first admin's link, shown once to the operator who made it. */
export function OrganisationMadePage({
  organisation,
  adminName,
  link,
  days,
}: {
  organisation: string
  adminName: string
  link: string
  days: number
}) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <div class="nhsuk-panel">
          <h1 class="nhsuk-panel__title">{`${organisation} has been added`}</h1>
        </div>
        <h2>{`Give ${adminName} this link`}</h2>
        <p>{`It lets them set their password once, and works for ${days} days. It is shown only now: the service keeps only a fingerprint of it.`}</p>
        <div class="nhsuk-inset-text">
          <p class="nhsuk-u-font-size-16">
            <code id="admin-link">{link}</code>
          </p>
        </div>
        <p>
          <a href="/operator">Back to organisations</a>
        </p>
      </div>
    </div>
  )
}
