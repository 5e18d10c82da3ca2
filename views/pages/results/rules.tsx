import { measuresRule } from '../../../src/instruments/comparison'
import { roundDefaults } from '../../../src/instruments/round-defaults'
import {
  baselineLength as baselinePoints,
  shiftLength,
  trendLength,
  xmrConstant,
} from '../../../src/instruments/run-chart'
import { teamRule } from '../../../src/instruments/team-change'

const { anonymityThreshold: k, commentThreshold, itemMid, teamMid } = roundDefaults

/** Every rule the results pages use, in words, with its numbers: what the pages link to. */
export function RulesPage() {
  return (
    <>
      <h1>How these figures are worked out</h1>
      <p class="nhsuk-lede-text">
        Every score, change and comparison on the results pages follows the rules below. The numbers
        given are the defaults; each round fixes its own when it opens, and its pages say which.
      </p>
      <h2 id="scores">Scores</h2>
      <ul>
        <li>
          Every answer is put on a scale from 0 to 100: the lowest level of its scale is 0, the
          highest 100. “Not applicable”, “don’t know” and unanswered questions are left out, never
          counted as 0.
        </li>
        <li>
          A person’s score for a domain is the average of their answers in it, worked out only when
          they answered at least half of the domain’s questions. Their total is the average of their
          domain scores, each domain counting the same, worked out only when at least 8 of 10
          domains have a score.
        </li>
        <li>
          A group’s score is the average of its members’ scores, with how many people it comes from
          and how spread out their scores are.
        </li>
      </ul>
      <h2 id="anonymity">Anonymity: when a figure is shown</h2>
      <ul>
        <li>
          A figure from people’s own answers is shown only when at least {k} people are behind that
          figure itself (the round’s threshold, never below 3): for a question, {k} people who gave
          it a rating; for a domain, {k} people with a score for it; for a total, {k} people with a
          total. Otherwise the page says “fewer than {k}”, and so does a count of responses below{' '}
          {k}.
        </li>
        <li>
          Where a figure for staff or people using the service is shown beside the figure for
          everyone together, what is left over (everyone else) must also be {k} people or none;
          otherwise the smaller figure is not shown either, so no subtraction can single anyone out.
        </li>
        <li>
          Figures for several teams are averages of the teams’ shown figures, so they never hold a
          team below the threshold. Downloads follow exactly the same rules as the pages.
        </li>
        <li>
          Comments are shown only when at least {commentThreshold} people in a team responded (never
          fewer than 5), in a random order, apart from any other answer, and never in the board
          report. An administrator can hide a comment that identifies someone.
        </li>
        <li>
          Results of a round are shown only after it closes. A consensus rating is the group’s own
          agreed view, so the threshold does not apply to it.
        </li>
      </ul>
      <h2 id="change">Change between two rounds</h2>
      <ul>
        <li>
          Two rounds are always compared from the earlier to the later, by their dates, whichever
          way round they were chosen.
        </li>
        <li>
          Questions are compared only when they carry over with the same answer scale and have
          enough answers at both rounds; the page lists every question left out and why.
        </li>
        <li>{measuresRule('individual', itemMid)}</li>
        <li>{measuresRule('consensus', itemMid)}</li>
        <li>{teamRule('individual', teamMid)}</li>
        <li>
          The 95% interval is the range the real change most likely lies in, given how many people
          answered and how much their totals differ: “change −3, 95% interval −9 to +3” means the
          team may have fallen by 9 or risen by 3, so no change can be claimed.
        </li>
        <li>{teamRule('consensus', teamMid)}</li>
        <li>
          “Improved in X of N questions” is always given with the whole split: how many improved,
          were unchanged, declined and were left out. A summary of teams accounts for every team of
          the rounds, including those not compared and why. Teams are never ranked.
        </li>
      </ul>
      <h2 id="run-charts">Strategy metrics over time</h2>
      <ul>
        <li>
          Each metric is charted month by month (or quarter by quarter) with a centre line: the
          median of its first {baselinePoints} points, or of all of them when there are fewer.
        </li>
        <li>
          A shift is {shiftLength} or more points in a row on one side of the centre line, reaching
          past those first points (among them, half always lie below their own median, so a run
          there says nothing). A point on the line neither counts nor breaks the run.
        </li>
        <li>
          A trend is {trendLength} or more points in a row, each higher (or each lower) than the
          last.
        </li>
        <li>
          The limits are the average of the first points plus and minus {xmrConstant} times the
          average change from one point to the next; a point outside them is unusual for the process
          as it was. Anything else is the variation the process usually shows.
        </li>
        <li>
          A metric of every team is charted as the share of teams meeting the team target. Counts
          across teams are added up to an organisation total; percentages are averaged over the
          teams with a value, since adding them means nothing.
        </li>
        <li>
          The peer support estimate counts the workers as they stand in the latest month, and adds
          up the people supported and the contacts over the last 12 months (or 4 quarters).
        </li>
      </ul>
      <h2 id="networks">Networks of organisations</h2>
      <ul>
        <li>
          Each member gives, for a period (a half-year, or a quarter or a year if the network is
          made so), its executive’s score and its teams’ score together, per domain and for the
          total, from its latest closed round of the period: only where the figure already shows
          inside the organisation (at least the round’s threshold of people behind it, 5 unless the
          round asks for more; or a consensus the group agreed).
        </li>
        <li>
          The network shows the median, the middle half (from the lower to the upper quartile) and
          the range of its members’ figures, only when at least 5 organisations give one (a network
          may ask for more, never fewer than 3). No organisation is named beside a figure, and the
          coordinator never sees one member’s figures.
        </li>
        <li>
          A period is published once, from the members of that moment, and never changes: someone
          joining or leaving later cannot be worked out by comparing one version with another.
        </li>
        <li>
          “In the top quarter” means at or above the upper quartile; “in the bottom quarter”, at or
          below the lower quartile; otherwise “in the middle half”.
        </li>
      </ul>
      <h2 id="rounding">Rounding and charts</h2>
      <ul>
        <li>
          Scores are shown as whole numbers. Differences and gaps are worked out from the unrounded
          scores and then rounded, so a difference can be one more or less than the difference of
          the rounded scores shown beside it.
        </li>
        <li>
          Charts over time put each round at its own date. The teams’ average marks each point where
          the set of teams behind it changed, and its table says how many teams each point holds.
        </li>
        <li>
          The gap between the executive’s view and a team’s is the executive’s domain score minus
          the team’s, at the executive’s round nearest in time.
        </li>
      </ul>
    </>
  )
}
