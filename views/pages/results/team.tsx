import type { Priority } from '../../../src/db/queries/action-plans'
import type { Team } from '../../../src/db/queries/groups'
import type { Figure } from '../../../src/instruments/results'
import { plain, signed } from '../../../src/instruments/team-change'
import type { TeamData } from '../../../src/lib/results/team'
import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { DateInput } from '../../components/date-input'
import { ErrorSummary } from '../../components/error-summary'
import { LineChart } from '../../components/line-chart'
import { Select } from '../../components/select'
import { Table } from '../../components/table'
import { TextInput } from '../../components/text-input'
import { Textarea } from '../../components/textarea'
import { longDate } from '../rounds/labels'
import { Comments } from './comments'
import { PlanTable, ReviewForm } from './plan'

type TeamResultsProps = {
  team: Team
  data: TeamData
  canPlan: boolean
  canHide: boolean
  form: { values: FormValues; errors: FieldErrors }
}

const percent = (x: number) => `${Math.round(x * 100)}%`

const signedOrDash = (x: number | null) => (x === null ? '–' : signed(x))

const wordingOf = (item: { text: Record<string, string | undefined> }) =>
  item.text.staff ?? item.text.executive ?? Object.values(item.text)[0] ?? ''

export function TeamResultsPage({ team, data, canPlan, canHide, form }: TeamResultsProps) {
  const chosen = data.chosen
  const domains = chosen?.instrument?.domains ?? []
  const items = new Map((chosen?.instrument?.items ?? []).map((i) => [i.linkId, i]))
  const focusOptions = [
    { value: '', text: 'Choose a domain or question' },
    ...domains.map((d) => ({ value: d.key, text: `Domain: ${d.title}` })),
    ...(chosen?.instrument?.items ?? []).map((i) => ({
      value: i.linkId,
      text: `Question: ${wordingOf(i)}`,
    })),
  ]
  const focusText = (focus: string) => {
    const domain = domains.find((d) => d.key === focus)
    const item = items.get(focus)
    return domain ? `Domain: ${domain.title}` : item ? `Question: ${wordingOf(item)}` : focus
  }
  const fewer = (round: { mode: string; anonymityThreshold: number }) =>
    round.mode === 'consensus' ? '–' : `fewer than ${round.anonymityThreshold}`
  const score = (round: Parameters<typeof fewer>[0], figure: Figure | null | undefined) =>
    figure ? plain(figure.mean) : fewer(round)
  const all = chosen?.results.all
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <span class="nhsuk-caption-l">Team results</span>
      <h1>{team.name}</h1>
      {data.rounds.length === 0 || !chosen || !all ? (
        <p>No round that assessed this team has closed yet.</p>
      ) : (
        <>
          <p>
            Scores run from 0 to 100; a figure shows only when enough people are behind it to keep
            their answers anonymous. Differences are worked out before rounding.{' '}
            <a href="/results/rules">How these figures are worked out</a>
          </p>
          <LineChart
            id="team-chart"
            caption={`${team.name}: total by round`}
            labels={data.overTime.map((o) => `${o.round.name} (${longDate(o.round.opensOn)})`)}
            series={[
              {
                label: 'Total',
                data: data.overTime.map((o) => o.total?.mean ?? null),
                missing: data.overTime.map((o) => fewer(o.round)),
              },
            ]}
          />
          <Table
            wide="domains-by-round-caption"
            caption="Domain scores by round (0 to 100)"
            captionSize="m"
            columns={[
              { header: 'Domain' },
              ...data.overTime.map((o) => ({ header: o.round.name, numeric: true })),
            ]}
            rows={domains.map((d) => [
              d.title,
              ...data.overTime.map((o) => score(o.round, o.domains[d.key])),
            ])}
          />
          <h2>{chosen.round.name}</h2>
          <p>
            {chosen.round.mode === 'consensus'
              ? 'A consensus rating agreed by the team.'
              : all.responses !== null
                ? `${all.responses} responses. Closed on ${longDate(chosen.round.closesOn)}.`
                : `Fewer than ${chosen.round.anonymityThreshold} responses: no scores are shown for this round.`}
          </p>
          {chosen.executive && (
            <Table
              caption={`The executive’s view beside the team’s (executive round: ${chosen.executive.round.name})`}
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
                g.teamMean === null ? fewer(chosen.round) : plain(g.teamMean),
                signedOrDash(g.gap),
              ])}
            />
          )}
          {chosen.perspectives && (
            <Table
              caption="Staff beside people using the service"
              captionSize="m"
              columns={[
                { header: 'Domain' },
                { header: 'Staff', numeric: true },
                { header: 'People using the service', numeric: true },
                { header: 'Gap (staff − people using the service)', numeric: true },
              ]}
              rows={chosen.perspectives.map((g) => [
                domains.find((d) => d.key === g.domain)?.title ?? g.domain,
                g.a === null ? fewer(chosen.round) : plain(g.a),
                g.b === null ? fewer(chosen.round) : plain(g.b),
                signedOrDash(g.gap),
              ])}
            />
          )}
          {all.items.length > 0 && (
            <Table
              caption="Questions: the average of the ratings given (0 to 100), and how often people said not applicable or don’t know"
              captionSize="m"
              columns={[
                { header: 'Question' },
                { header: 'Ratings', numeric: true },
                { header: 'Average', numeric: true },
                { header: 'Not applicable', numeric: true },
                { header: 'Don’t know', numeric: true },
              ]}
              rows={all.items.map((i) => {
                const item = items.get(i.linkId)
                return [
                  item ? wordingOf(item) : i.linkId,
                  i.figure ? String(i.figure.n) : fewer(chosen.round),
                  i.figure ? plain(i.figure.mean) : fewer(chosen.round),
                  i.naRate === null ? fewer(chosen.round) : percent(i.naRate),
                  i.dkRate === null ? fewer(chosen.round) : percent(i.dkRate),
                ]
              })}
            />
          )}
          <Comments
            teamId={team.id}
            round={chosen.round}
            comments={chosen.comments}
            wording={(linkId) => {
              const item = items.get(linkId)
              return item ? wordingOf(item) : linkId
            }}
            canHide={canHide}
          />
          <h2>Action plan after {chosen.round.name}</h2>
          <PlanTable plan={chosen.plan} focusText={focusText} />
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
              <DateInput
                name="dueOn"
                legend="Due by"
                values={form.values}
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
              <PlanTable plan={chosen.previous.plan} focusText={focusText} />
              {canPlan &&
                chosen.previous.plan.map((p) => <ReviewForm teamId={team.id} priority={p} />)}
            </>
          )}
        </>
      )}
    </>
  )
}
