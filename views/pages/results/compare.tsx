import { describeSplit } from '../../../src/instruments/comparison'
import { describeRollUp, describeTeamChange } from '../../../src/instruments/team-change'
import type { ComparisonData } from '../../../src/lib/results/comparison'
import { Table } from '../../components/table'

type ComparePageProps = { data: ComparisonData; domainTitles: Record<string, string> }

function RoundPicker({ data }: { data: ComparisonData }) {
  const select = (name: 'from' | 'to', label: string, value?: string) => (
    <div class="nhsuk-form-group nhsuk-u-margin-right-4 app-inline-field">
      <label class="nhsuk-label" for={name}>
        {label}
      </label>
      <select class="nhsuk-select" id={name} name={name}>
        <option value="">Choose a round</option>
        {data.rounds.map((r) => (
          <option value={r.id} selected={r.id === value}>
            {r.name}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <form method="get" action="/results/compare" class="app-no-print-filters">
      {select('from', 'Earlier round', data.from?.id)}
      {select('to', 'Later round', data.to?.id)}
      <button class="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
        Compare
      </button>
    </form>
  )
}

function ExcludedQuestions({
  group,
  itemTitles,
}: {
  group: ComparisonData['groups'][number]
  itemTitles: Record<string, string>
}) {
  if (!group.split || group.split.excludedItems.length === 0) return null
  return (
    <details class="nhsuk-details app-report-hide">
      <summary class="nhsuk-details__summary">
        <span class="nhsuk-details__summary-text">
          {group.name}: questions left out, and why ({group.split.excludedItems.length})
        </span>
      </summary>
      <div class="nhsuk-details__text">
        <ul>
          {group.split.excludedItems.map((e) => (
            <li>
              “{itemTitles[e.linkId] ?? e.linkId}”: {e.reason}
            </li>
          ))}
        </ul>
      </div>
    </details>
  )
}

/** A group's change in its total; in a table whose first column names the group, without the name. */
const totalText = (g: ComparisonData['groups'][number], named = true) =>
  g.change
    ? describeTeamChange(named ? g.name : '', g.change).trim()
    : g.totalExcluded
      ? `Total not compared: ${g.totalExcluded}`
      : '–'

/** The comparison of two rounds: each group's split of measures and its change, with the rules. */
export function ComparisonSection({ data, domainTitles }: ComparePageProps) {
  const itemTitles: Record<string, string> = data.itemTitles ?? {}
  const teams = data.groups.filter((g) => g.kind === 'team')
  const rules = [
    ...new Set(data.groups.flatMap((g) => [g.split?.rule, g.change?.rule]).filter(Boolean)),
  ]
  return (
    <>
      {teams.length > 0 && (
        <p class="nhsuk-lede-text">
          Teams’ totals:{' '}
          {describeRollUp(
            teams.filter((t) => !t.excluded && !t.totalExcluded).map((t) => t.change),
            teams.flatMap((t) => {
              const why = t.excluded ?? t.totalExcluded
              return why ? [why] : []
            }),
          )}
          .
        </p>
      )}
      {teams.length > 0 && (
        <div class="app-report__wraps">
          <Table
            caption="Each team: its questions and the change in its total"
            columns={[{ header: 'Team' }, { header: 'Questions' }, { header: 'Total' }]}
            rows={teams.map((g) =>
              g.excluded
                ? [g.name, `Not compared: ${g.excluded}`, '–']
                : [g.name, g.split ? describeSplit(g.split) : '–', totalText(g, false)],
            )}
          />
        </div>
      )}
      {teams.map((g) => (
        <ExcludedQuestions group={g} itemTitles={itemTitles} />
      ))}
      {data.groups
        .filter((g) => g.kind === 'executive')
        .map((group) => (
          <section class="nhsuk-u-margin-bottom-6">
            <h3>{group.name}</h3>
            {group.excluded ? (
              <p>Not compared: {group.excluded}.</p>
            ) : (
              <>
                {group.split && (
                  <p>
                    <strong>{describeSplit(group.split)}</strong>
                  </p>
                )}
                <p>{totalText(group)}</p>
                {group.split && (
                  <Table
                    caption={`${group.name}: questions by domain`}
                    columns={[
                      { header: 'Domain' },
                      { header: 'Improved', numeric: true },
                      { header: 'Unchanged', numeric: true },
                      { header: 'Declined', numeric: true },
                      { header: 'Left out', numeric: true },
                    ]}
                    rows={group.split.byDomain.map((d) => [
                      domainTitles[d.domain] ?? d.domain,
                      String(d.improved),
                      String(d.unchanged),
                      String(d.declined),
                      String(d.excluded),
                    ])}
                  />
                )}
                <ExcludedQuestions group={group} itemTitles={itemTitles} />
              </>
            )}
          </section>
        ))}
      {rules.length > 0 && (
        <div class="nhsuk-inset-text app-report-hide">
          <h3>Rules used</h3>
          <ul>
            {rules.map((rule) => (
              <li>{rule}</li>
            ))}
            <li>
              A figure is shown, and a group compared, only when enough people are behind it to keep
              their answers anonymous (the round’s threshold).
            </li>
            <li>
              Differences are worked out from unrounded scores, then rounded.{' '}
              <a href="/results/rules">How these figures are worked out</a>
            </li>
          </ul>
        </div>
      )}
    </>
  )
}

export function ComparePage(props: ComparePageProps) {
  const { data } = props
  return (
    <>
      <h1>Compare two rounds</h1>
      <p>
        Questions are compared only where they carry over with the same answer scale.{' '}
        <a href="/results/rules">How these figures are worked out</a>
      </p>
      <RoundPicker data={data} />
      {data.problem && <p class="nhsuk-error-message">{data.problem}</p>}
      {data.from && data.to && !data.problem && (
        <>
          <h2>
            {data.from.name} to {data.to.name}
          </h2>
          {data.swapped && (
            <div class="nhsuk-inset-text">
              <p>
                {data.from.name} came before {data.to.name}, so they are compared in that order:
                changes always run from the earlier round to the later one.
              </p>
            </div>
          )}
          <ComparisonSection {...props} />
        </>
      )}
    </>
  )
}
