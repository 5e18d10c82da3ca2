import {
  comparators,
  estimateInputs,
  metricCadences,
  metricDirections,
  metricScopes,
  objectiveStatuses,
} from '../../../src/instruments/enums'
import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { Choices } from '../../components/choices'
import { DateInput } from '../../components/date-input'
import { Form } from '../../components/form'
import { Select } from '../../components/select'
import { TextInput } from '../../components/text-input'
import { Textarea } from '../../components/textarea'
import { comparatorWords, estimateInputWords, objectiveStatusLabels } from './labels'

type FormProps = { action: string; values: FormValues; errors: FieldErrors }

export type WorkstreamFormProps = FormProps & {
  domains: readonly { key: string; title: string }[]
  chosenDomains: readonly string[]
}

export function WorkstreamForm({
  action,
  values,
  errors,
  domains,
  chosenDomains,
}: WorkstreamFormProps) {
  return (
    <Form id="workstream-form" action={action} errors={errors} submit="Save workstream">
      <TextInput name="name" label="Name" value={values.name} error={errors.name} />
      <Textarea
        name="purpose"
        label="Purpose"
        hint="What the workstream is for, in a sentence or two."
        value={values.purpose}
        error={errors.purpose}
      />
      <TextInput name="lead" label="Lead" value={values.lead} error={errors.lead} />
      <Choices
        type="checkbox"
        name="domains"
        legend="Linked domains"
        hint="The assessment domains this workstream means to move; their scores show beside it."
        options={domains.map((d) => ({ value: d.key, text: `${d.key} ${d.title}` }))}
        values={chosenDomains}
        error={errors.domains}
      />
    </Form>
  )
}

export function ObjectiveForm({ action, values, errors }: FormProps) {
  return (
    <Form id="objective-form" action={action} errors={errors} submit="Add objective">
      <TextInput name="title" label="Objective" value={values.title} error={errors.title} />
      <TextInput name="owner" label="Owner" value={values.owner} error={errors.owner} />
      <DateInput name="dueOn" legend="Due by" values={values} error={errors.dueOn} />
    </Form>
  )
}

export function ProgressForm({ action, values, errors }: FormProps) {
  return (
    <Form id="progress-form" action={action} errors={errors} submit="Record progress">
      <Select
        name="status"
        label="Status"
        options={objectiveStatuses.map((s) => ({ value: s, text: objectiveStatusLabels[s] }))}
        value={values.status}
        error={errors.status}
      />
      <Textarea name="note" label="Progress note" value={values.note} error={errors.note} />
    </Form>
  )
}

export function MetricForm({ action, values, errors }: FormProps) {
  const choose = (what: string) => ({ value: '', text: `Choose ${what}` })
  return (
    <Form id="metric-form" action={action} errors={errors} submit="Save metric">
      <TextInput name="name" label="Name" value={values.name} error={errors.name} />
      <TextInput
        name="unit"
        label="Unit"
        hint="For example: peer support workers, %, people"
        value={values.unit}
        error={errors.unit}
      />
      <Select
        name="direction"
        label="Which way is better"
        options={[
          choose('a direction'),
          ...metricDirections.map((d) => ({
            value: d,
            text: `${d[0]?.toUpperCase()}${d.slice(1)}`,
          })),
        ]}
        value={values.direction}
        error={errors.direction}
      />
      <Select
        name="scope"
        label="Measured for"
        options={[
          choose('what it is measured for'),
          ...metricScopes.map((s) => ({
            value: s,
            text: s === 'team' ? 'Each team' : 'The organisation',
          })),
        ]}
        value={values.scope}
        error={errors.scope}
      />
      <Select
        name="cadence"
        label="How often"
        options={[
          choose('how often'),
          ...metricCadences.map((c) => ({
            value: c,
            text: c === 'monthly' ? 'Monthly' : 'Quarterly',
          })),
        ]}
        value={values.cadence}
        error={errors.cadence}
      />
      <Select
        name="comparator"
        label="Target"
        hint="For a metric of each team, what each team is to reach."
        options={[
          choose('a comparison'),
          ...comparators.map((c) => ({ value: c, text: comparatorWords[c] })),
        ]}
        value={values.comparator}
        error={errors.comparator}
      />
      <TextInput
        name="targetValue"
        label="Target value"
        inputmode="decimal"
        width={5}
        value={values.targetValue}
        error={errors.targetValue}
      />
      <TextInput
        name="coverageTarget"
        label="Teams to reach it (%)"
        hint="For a metric of each team only: 100 means every team."
        inputmode="decimal"
        width={3}
        value={values.coverageTarget}
        error={errors.coverageTarget}
      />
      <DateInput name="dueOn" legend="Target due by" values={values} error={errors.dueOn} />
      <TextInput
        name="baseline"
        label="Baseline"
        hint="Optional."
        inputmode="decimal"
        width={5}
        value={values.baseline}
        error={errors.baseline}
      />
      <Select
        name="estimateInput"
        label="Used in the peer support estimate"
        hint="The estimate fills its form from the metric chosen for each of these."
        options={[
          { value: '', text: 'Not used' },
          ...estimateInputs.map((input) => ({ value: input, text: estimateInputWords[input] })),
        ]}
        value={values.estimateInput}
        error={errors.estimateInput}
      />
    </Form>
  )
}
