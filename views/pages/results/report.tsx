import { measuresRule } from '../../../src/instruments/comparison'
import { plain, signed, teamRule } from '../../../src/instruments/team-change'
import type { ReportData } from '../../../src/lib/results/report'
import { Table } from '../../components/table'
import { longDate } from '../rounds/labels'
import { ComparisonSection } from './compare'
import { Heatmap } from './heatmap'

/**
 * The board's report of a round, with the rules in footnotes. Printed, it is landscape A4: the
 * headline and each team's change on the first page, the teams by domain on the next.
 */
const signedOrDash = (x: number | null) => (x === null ? '–' : signed(x))

export function ReportPage({
  data,
  organisationName,
  board,
}: {
  data: ReportData
  organisationName: string
  /** Whether the reader sees every team (the board's report) or only the teams they lead. */
  board: boolean
}) {
  const titles = Object.fromEntries(data.domains.map((d) => [d.key, d.title]))
  const teamRound = data.teamRound
  return (
    <article class="app-report">
      <header class="app-report__head">
        <span class="nhsuk-caption-l">
          {organisationName}: {board ? 'board report' : 'report for the teams you lead'}
        </span>
        <h1>Recovery culture: {data.round.name}</h1>
        <p>
          Round closed {longDate(data.round.closesOn)}. Scores run from 0 to 100. Results of a group
          are shown only when at least {data.round.anonymityThreshold} people are behind each
          figure¹.
        </p>
      </header>
      <section class="app-report__exec">
        <h2>Headline</h2>
        {data.exec?.from && data.exec.to ? (
          <>
            <h3 class="nhsuk-heading-s">
              Executive: {data.exec.from.name} to {data.exec.to.name}
            </h3>
            <ComparisonSection data={data.exec} domainTitles={titles} />
          </>
        ) : (
          <p>There is no earlier executive round to compare with.</p>
        )}
      </section>
      <section class="app-report__gaps">
        {data.gaps && data.execRound && (
          <Table
            caption={`The executive’s view (${data.execRound.name}) against the teams’²`}
            captionSize="m"
            columns={[
              { header: 'Domain' },
              { header: 'Executive', numeric: true },
              { header: 'Teams (mean)', numeric: true },
              { header: 'Gap', numeric: true },
              { header: 'Teams’ range', numeric: true },
            ]}
            rows={data.gaps.map((g) => [
              titles[g.domain] ?? g.domain,
              plain(g.executive),
              plain(g.teamMean),
              signedOrDash(g.gap),
              g.teams > 0
                ? `${plain(g.teamMin)}–${plain(g.teamMax)} (${g.teams} ${g.teams === 1 ? 'team' : 'teams'})`
                : '–',
            ])}
          />
        )}
      </section>
      <section class="app-report__teams">
        <h2>Teams</h2>
        {teamRound && teamRound.id !== data.round.id && (
          <p>
            This round assessed the executive only. The teams’ figures below are from{' '}
            {teamRound.name} (closed {longDate(teamRound.closesOn)}), the round of the teams nearest
            to it in time.
          </p>
        )}
        {!teamRound ? (
          <p>No round of the teams has closed yet, so there are no team figures to show.</p>
        ) : data.teams?.from ? (
          <>
            <h3 class="nhsuk-heading-s">
              Teams: {data.teams.from.name} to {teamRound.name}
            </h3>
            <ComparisonSection data={data.teams} domainTitles={titles} />
          </>
        ) : (
          <p>There is no earlier round of these teams to compare with.</p>
        )}
      </section>
      <section class="app-report__heat">
        {data.overview.heatmap && (
          <>
            <h2>Teams by domain</h2>
            <Heatmap heatmap={data.overview.heatmap} />
          </>
        )}
      </section>
      <footer class="app-report__notes">
        <h2 class="nhsuk-heading-s">Notes</h2>
        <ol class="nhsuk-body-s">
          <li>
            A figure from people’s own answers is shown only when at least{' '}
            {data.round.anonymityThreshold} people are behind that figure; a consensus is the
            group’s own rating. Figures for several teams are averages of the teams shown, so they
            never hold a team below the threshold. Comments are never included in this report.
          </li>
          <li>
            The gap is the executive’s domain score minus the average of the teams’ at the nearest
            round, with the range of the teams’ scores. Differences and gaps are worked out before
            rounding.
          </li>
          <li>
            {measuresRule(data.round.mode, data.round.itemMid)}{' '}
            {teamRule(data.round.mode, data.round.teamMid)} The whole split is always given; teams
            are never ranked. Every rule in full: “How these figures are worked out” in the results
            pages.
          </li>
        </ol>
      </footer>
    </article>
  )
}
