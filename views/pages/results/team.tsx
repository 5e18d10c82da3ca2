import type { Priority } from '../../../src/db/queries/action-plans'
import type { Team } from '../../../src/db/queries/groups'
import { plain, signed } from '../../../src/instruments/comparison'
import type { TeamData } from '../../../src/lib/results/team'
import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { ErrorSummary } from '../../components/error-summary'
import { LineChart } from '../../components/line-chart'
import { Select } from '../../components/select'
import { Table } from '../../components/table'
import { TextInput } from '../../components/text-input'
import { Textarea } from '../../components/textarea'
import { longDate } from '../rounds/labels'
import { PlanTable, ReviewForm } from './plan'

type TeamResultsProps = {
  team: Team
  data: TeamData
  canPlan: boolean
  form: { values: FormValues; errors: FieldErrors }
}

const percent = (x: number) => `${Math.round(x * 100)}%`

const signedOrDash = (x: number | null) => (x === null ? '–' : signed(x))

export function TeamResultsPage({ team, data, canPlan, form }: TeamResultsProps) {
  const chosen = data.chosen
  const k = chosen?.round.anonymityThreshold
  const suppressed = (text: string) => (chosen && !chosen.figures.shown ? `fewer than ${k}` : text)
  const domains = chosen?.instrument?.domains ?? []
  const focusOptions = [
    { value: '', text: 'Choose a domain or question' },
    ...domains.map((d) => ({ value: d.key, text: `Domain ${d.key}: ${d.title}` })),
    ...(chosen?.instrument?.items ?? []).map((i) => ({
      value: i.linkId,
      text: `Question ${i.linkId}`,
    })),
  ]
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <span class="nhsuk-caption-l">Team results</span>
      <h1>{team.name}</h1>
      {data.rounds.length === 0 || !chosen ? (
        <p>No round that assessed this team has closed yet.</p>
      ) : (
        <>
          <LineChart
            id="team-chart"
            caption={`${team.name}: total by round`}
            labels={data.overTime.map((o) => o.round.name)}
            series={[
              {
                label: 'Total',
                data: data.overTime.map((o) => o.figures.total?.mean ?? null),
                missing: data.overTime.map((o) =>
                  o.figures.shown ? undefined : `fewer than ${o.round.anonymityThreshold}`,
                ),
              },
            ]}
          />
          <Table
            caption="Domain scores by round (0 to 100)"
            captionSize="m"
            columns={[
              { header: 'Domain' },
              ...data.overTime.map((o) => ({ header: o.round.name, numeric: true })),
            ]}
            rows={domains.map((d) => [
              `${d.key} ${d.title}`,
              ...data.overTime.map((o) =>
                o.figures.shown
                  ? plain(o.figures.domains[d.key]?.mean)
                  : `fewer than ${o.round.anonymityThreshold}`,
              ),
            ])}
          />
          <h2>{chosen.round.name}</h2>
          <p>
            {chosen.round.mode === 'consensus'
              ? 'A consensus rating agreed by the team.'
              : chosen.figures.shown
                ? `${chosen.figures.responses} responses. Closed on ${longDate(chosen.round.closesOn)}.`
                : `Fewer than ${k} responses: no scores are shown for this round (rule 6).`}
          </p>
          {chosen.executive && (
            <Table
              caption={`The executive’s view beside the team’s (rule 10; executive round: ${chosen.executive.round.name})`}
              captionSize="m"
              columns={[
                { header: 'Domain' },
                { header: 'Executive', numeric: true },
                { header: 'Team', numeric: true },
                { header: 'Gap (executive − team)', numeric: true },
              ]}
              rows={chosen.executive.gaps.map((g) => [
                domains.find((d) => d.key === g.domain)?.title ?? g.domain,
                plain(g.executive),
                suppressed(plain(g.teamMean)),
                suppressed(signedOrDash(g.gap)),
              ])}
            />
          )}
          {chosen.perspectives && (
            <Table
              caption="Staff beside people using the service (rule 10)"
              captionSize="m"
              columns={[
                { header: 'Domain' },
                { header: 'Staff', numeric: true },
                { header: 'People using the service', numeric: true },
                { header: 'Gap', numeric: true },
              ]}
              rows={chosen.perspectives.map((g) => [
                domains.find((d) => d.key === g.domain)?.title ?? g.domain,
                plain(g.a),
                plain(g.b),
                signedOrDash(g.gap),
              ])}
            />
          )}
          {chosen.items.length > 0 && (
            <Table
              caption="Questions (rule 5: mean on 0 to 100 of the valid answers; NA and DK rates of all responses)"
              captionSize="m"
              columns={[
                { header: 'Question' },
                { header: 'n', numeric: true },
                { header: 'Mean', numeric: true },
                { header: 'Not applicable', numeric: true },
                { header: 'Don’t know', numeric: true },
              ]}
              rows={chosen.items.map((i) => [
                `${i.linkId} (${i.domain})`,
                String(i.n),
                i.mean === null ? (i.n > 0 ? `fewer than ${k} answers` : '–') : plain(i.mean),
                percent(i.naRate),
                percent(i.dkRate),
              ])}
            />
          )}
          <h2>Action plan after {chosen.round.name}</h2>
          <PlanTable plan={chosen.plan} />
          {canPlan && chosen.plan.length < 3 && (
            <form
              method="post"
              action={`/results/teams/${team.id}/plan?round=${chosen.round.id}`}
              novalidate
            >
              <h3>Add a priority</h3>
              <Select
                name="rank"
                label="Priority"
                options={[1, 2, 3]
                  .filter((r) => !chosen.plan.some((p: Priority) => p.rank === r))
                  .map((r) => ({ value: String(r), text: `Priority ${r}` }))}
                value={form.values.rank}
                error={form.errors.rank}
              />
              <Select
                name="focus"
                label="What to work on"
                options={focusOptions}
                value={form.values.focus}
                error={form.errors.focus}
              />
              <Textarea
                name="actions"
                label="Actions"
                value={form.values.actions}
                error={form.errors.actions}
              />
              <TextInput
                name="owner"
                label="Owner"
                value={form.values.owner}
                error={form.errors.owner}
              />
              <TextInput
                name="dueOn"
                type="date"
                label="Due by"
                value={form.values.dueOn}
                error={form.errors.dueOn}
              />
              <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
                Add the priority
              </button>
            </form>
          )}
          {chosen.previous && chosen.previous.plan.length > 0 && (
            <>
              <h2>Review of the plan after {chosen.previous.round.name}</h2>
              <PlanTable plan={chosen.previous.plan} />
              {canPlan &&
                chosen.previous.plan.map((p) => <ReviewForm teamId={team.id} priority={p} />)}
            </>
          )}
        </>
      )}
    </>
  )
}
