import {
  describeRollUp,
  describeSplit,
  describeTeamChange,
} from '../../../src/instruments/comparison'
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

/** The comparison of two rounds: each group's split of measures and its change, with the rules. */
export function ComparisonSection({ data, domainTitles }: ComparePageProps) {
  const compared = data.groups.filter((g) => g.split)
  const teams = compared.filter((g) => g.kind === 'team' && g.change)
  const rules = [
    ...new Set(compared.flatMap((g) => [g.split?.rule, g.change?.rule]).filter(Boolean)),
  ]
  return (
    <>
      {teams.length > 0 && data.to && (
        <p class="nhsuk-lede-text">
          Teams:{' '}
          {describeRollUp(
            teams.flatMap((t) => (t.change ? [t.change] : [])),
            data.to.teamMid,
          )}
        </p>
      )}
      {data.groups.some((g) => g.kind === 'team') && (
        <Table
          caption="Each team: its measures (rule 8) and the change in its total (rule 9)"
          columns={[{ header: 'Team' }, { header: 'Measures' }, { header: 'Total' }]}
          rows={data.groups
            .filter((g) => g.kind === 'team')
            .map((g) =>
              g.excluded
                ? [g.name, `Not compared: ${g.excluded}`, '–']
                : [
                    g.name,
                    g.split ? describeSplit(g.split) : '–',
                    g.change ? describeTeamChange(g.name, g.change) : '–',
                  ],
            )}
        />
      )}
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
                    <strong>{describeSplit(group.split)}</strong> measures
                  </p>
                )}
                {group.change && <p>{describeTeamChange(group.name, group.change)}</p>}
                {group.split && (
                  <Table
                    caption={`${group.name}: measures by domain`}
                    columns={[
                      { header: 'Domain' },
                      { header: 'Improved', numeric: true },
                      { header: 'Unchanged', numeric: true },
                      { header: 'Declined', numeric: true },
                      { header: 'Excluded', numeric: true },
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
                {group.split && group.split.excludedItems.length > 0 && (
                  <details class="nhsuk-details">
                    <summary class="nhsuk-details__summary">
                      <span class="nhsuk-details__summary-text">Questions excluded, and why</span>
                    </summary>
                    <div class="nhsuk-details__text">
                      <ul>
                        {group.split.excludedItems.map((e) => (
                          <li>
                            {e.linkId}: {e.reason}
                          </li>
                        ))}
                      </ul>
                    </div>
                  </details>
                )}
              </>
            )}
          </section>
        ))}
      {rules.length > 0 && (
        <div class="nhsuk-inset-text">
          <h3>Rules used</h3>
          <ul>
            {rules.map((rule) => (
              <li>{rule}</li>
            ))}
            <li>
              Rule 6: groups with fewer responses than the round’s threshold are not compared.
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
      <p>Questions are compared only where they carry over with the same scale (rule 7).</p>
      <RoundPicker data={data} />
      {data.problem && <p class="nhsuk-error-message">{data.problem}</p>}
      {data.from && data.to && !data.problem && (
        <>
          <h2>
            {data.from.name} to {data.to.name}
          </h2>
          <ComparisonSection {...props} />
        </>
      )}
    </>
  )
}
