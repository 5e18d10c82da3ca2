import type { Objective, ObjectiveNote } from '../../../src/db/queries/strategy'
import type { MetricProblem } from '../../../src/instruments/metric-csv'
import { metricColumns } from '../../../src/instruments/metric-csv'
import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { CsvFileField, UploadProblems } from '../../components/csv-upload'
import { ErrorSummary } from '../../components/error-summary'
import { Table } from '../../components/table'
import { longDate } from '../rounds/labels'
import { MetricForm, ProgressForm, WorkstreamForm, type WorkstreamFormProps } from './forms'
import { objectiveStatusLabels } from './labels'

/** A form alone on a page, under its heading. */
function FormPage({
  heading,
  caption,
  children,
}: {
  heading: string
  caption?: string
  children: unknown
}) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        {caption && <span class="nhsuk-caption-l">{caption}</span>}
        <h1>{heading}</h1>
        {children}
      </div>
    </div>
  )
}

export function WorkstreamFormPage(props: WorkstreamFormProps & { heading: string }) {
  return (
    <FormPage heading={props.heading}>
      <WorkstreamForm {...props} />
    </FormPage>
  )
}

export function MetricFormPage(props: {
  action: string
  values: FormValues
  errors: FieldErrors
  workstreamName: string
}) {
  return (
    <FormPage heading="Add a metric" caption={props.workstreamName}>
      <MetricForm {...props} />
    </FormPage>
  )
}

/** One objective: its notes of progress, and a form to record more. */
export function ObjectivePage({
  objective,
  workstream,
  notes,
  canManage,
  form,
}: {
  objective: Objective
  workstream: { id: string; name: string }
  notes: readonly ObjectiveNote[]
  canManage: boolean
  form: { values: FormValues; errors: FieldErrors }
}) {
  return (
    <FormPage heading={objective.title} caption={workstream.name}>
      <p>
        Owner: {objective.owner}. Due by {longDate(objective.dueOn)}. Status:{' '}
        {objectiveStatusLabels[objective.status]}.
      </p>
      <p>
        <a href={`/strategy/workstreams/${workstream.id}`}>Back to {workstream.name}</a>
      </p>
      <h2>Progress</h2>
      {notes.length === 0 ? (
        <p>No progress recorded yet.</p>
      ) : (
        <Table
          caption="Notes of progress, oldest first"
          columns={[{ header: 'Date' }, { header: 'Status' }, { header: 'Note' }]}
          rows={notes.map((n) => [longDate(n.notedOn), objectiveStatusLabels[n.status], n.note])}
        />
      )}
      {canManage && (
        <ProgressForm
          action={`/strategy/objectives/${objective.id}/progress`}
          values={{ status: objective.status, ...form.values }}
          errors={form.errors}
        />
      )}
    </FormPage>
  )
}

export function MetricUploadPage({
  errors,
  problems,
  stored,
}: {
  errors: FieldErrors
  problems: readonly MetricProblem[]
  stored?: number | undefined
}) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-full">
        <ErrorSummary errors={errors} />
        <h1>Upload metric values</h1>
        {stored !== undefined && (
          <div class="nhsuk-inset-text">
            <p>
              {stored === 0
                ? 'Every value was already recorded: nothing changed.'
                : `${stored} values recorded.`}
            </p>
          </div>
        )}
        <p>
          A CSV file with the columns <code>{metricColumns.join(', ')}</code>, one value a row. If
          any row has a problem, nothing is stored and every problem is listed. A value given again
          for the same metric, period and team replaces the one recorded; the audit log keeps both.
        </p>
        <ul class="nhsuk-list nhsuk-list--bullet">
          <li>metric: the metric’s name, as it is here</li>
          <li>
            period: a month as 2026-05, or a calendar quarter as 2026-Q2 for a quarterly metric
          </li>
          <li>team: the team’s name for a metric of each team; empty for the organisation</li>
          <li>value: a number; note: optional</li>
        </ul>
        <form
          method="post"
          action="/strategy/values/upload"
          enctype="multipart/form-data"
          novalidate
        >
          <CsvFileField error={errors.file} />
          <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
            Upload the values
          </button>
        </form>
        <UploadProblems problems={problems} nothing="nothing was stored" />
      </div>
    </div>
  )
}
