import type { Priority } from '../../../src/db/queries/action-plans'
import { Table } from '../../components/table'
import { longDate } from '../rounds/labels'

export const statusLabels = {
  planned: 'Planned',
  done: 'Done',
  'partly-done': 'Partly done',
  'not-done': 'Not done',
} as const

/** A team's priorities, each focus named in words (a domain's title, a question's wording). */
export function PlanTable({
  plan,
  focusText,
}: {
  plan: readonly Priority[]
  focusText: (focus: string) => string
}) {
  if (plan.length === 0) return <p>No priorities have been set.</p>
  return (
    <Table
      caption="Priorities"
      columns={[
        { header: 'Priority' },
        { header: 'Focus' },
        { header: 'Actions' },
        { header: 'Owner' },
        { header: 'Due' },
        { header: 'Status' },
      ]}
      rows={plan.map((p) => [
        String(p.rank),
        focusText(p.focus),
        p.actions,
        p.owner,
        longDate(p.dueOn),
        p.review ? `${statusLabels[p.status]}: ${p.review}` : statusLabels[p.status],
      ])}
    />
  )
}

/** How a priority went, recorded when the team reviews its plan at the next round. */
export function ReviewForm({ teamId, priority }: { teamId: string; priority: Priority }) {
  const id = `review-${priority.rank}`
  return (
    <form
      method="post"
      action={`/results/teams/${teamId}/plan/${priority.id}/review`}
      novalidate
      class="nhsuk-u-margin-bottom-5"
    >
      <div class="nhsuk-form-group">
        <label class="nhsuk-label" for={`${id}-status`}>
          How did priority {priority.rank} go?
        </label>
        <select class="nhsuk-select" id={`${id}-status`} name="status">
          {Object.entries(statusLabels).map(([value, text]) => (
            <option value={value} selected={value === priority.status}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <div class="nhsuk-form-group">
        <label class="nhsuk-label" for={`${id}-review`}>
          What happened (optional)
        </label>
        <textarea class="nhsuk-textarea" id={`${id}-review`} name="review" rows={2}>
          {priority.review ?? ''}
        </textarea>
      </div>
      <button class="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
        Save the review of priority {priority.rank}
      </button>
    </form>
  )
}
