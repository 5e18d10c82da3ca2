import type { Round } from '../../../src/db/queries/rounds'
import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { ActionButton } from '../../components/action-button'
import { DateInput } from '../../components/date-input'
import { ErrorSummary } from '../../components/error-summary'
import { Select } from '../../components/select'
import { Table } from '../../components/table'
import { TextInput } from '../../components/text-input'
import { longDate, modeLabels, RoundStatusTag } from './labels'

export type GroupProgress = {
  id: string
  name: string
  /** Links issued (individual mode). */
  invited: number
  /** Responses completed, or "fewer than k" while the round is open and below k. */
  completed: string
  /** Consensus mode: where the group's record stands, and whether this person may record it. */
  consensus?: { state: 'Not started' | 'In progress' | 'Completed'; canRecord: boolean }
}

export type RoundPageProps = {
  round: Round
  instrumentTitle: string
  perspectiveNames: string
  progress: readonly GroupProgress[]
  canManage: boolean
  /** The groups this person may make links for; none hides the form. */
  inviteGroups: readonly { value: string; text: string }[]
  perspectives: readonly { value: string; text: string }[]
  forms: { values: FormValues; errors: FieldErrors }
  /** Links this person made for the round that they may still come back to. */
  keptLinks: readonly { href: string; count: number; until: string }[]
  keptHours: number
  canExport: boolean
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
})

/** What was planned, and for a closed round the day it actually closed. */
function windowText(round: Round) {
  const planned = `${longDate(round.opensOn)} to ${longDate(round.closesOn)}`
  if (round.status !== 'closed' || !round.closedAt) return planned
  const closed = round.closedAt.slice(0, 10)
  return closed === round.closesOn
    ? `${planned} (closed on the planned day)`
    : `${planned}; closed on ${longDate(closed)}`
}

function ClosedRoundLinks({ round, canExport }: { round: Round; canExport: boolean }) {
  return (
    <>
      <h2>Results of this round</h2>
      <ul class="nhsuk-list">
        <li>
          <a href={`/results?round=${round.id}`}>See the results of this round</a>
        </li>
        <li>
          <a href={`/results/report?round=${round.id}`}>Board report for this round</a>
        </li>
        {canExport && round.mode === 'consensus' && (
          <li>
            <a href={`/results/export/consensus.json?round=${round.id}`}>
              Download the agreed ratings (FHIR QuestionnaireResponse, for other systems)
            </a>
          </li>
        )}
        {canExport && round.mode !== 'consensus' && (
          <li>
            <a href={`/results/export/measure-reports.json?round=${round.id}`}>
              Download each group’s scores (FHIR MeasureReport, for other systems)
            </a>
          </li>
        )}
        {canExport && (
          <li>
            <a href={`/results/export/summary.csv?round=${round.id}`}>
              Download the summary of scores (CSV)
            </a>
          </li>
        )}
      </ul>
    </>
  )
}

function Summary({ rows }: { rows: readonly [string, string][] }) {
  return (
    <dl class="nhsuk-summary-list">
      {rows.map(([key, value]) => (
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">{key}</dt>
          <dd class="nhsuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

export function RoundPage(props: RoundPageProps) {
  const { round, forms } = props
  const base = `/rounds/${round.id}`
  const consensus = round.mode === 'consensus'
  return (
    <>
      <ErrorSummary errors={forms.errors} />
      <span class="nhsuk-caption-l">Assessment round</span>
      <h1>
        {round.name} <RoundStatusTag status={round.status} />
      </h1>
      <Summary
        rows={[
          ['Questionnaire', props.instrumentTitle],
          ['Mode', modeLabels[round.mode]],
          ['Whose views', props.perspectiveNames],
          ['Window', windowText(round)],
          [
            'Results shown from',
            `${round.anonymityThreshold} responses (comments from ${round.commentThreshold})`,
          ],
          [
            'Smallest change that matters',
            `${round.itemMid} for a question, ${round.teamMid} for a team total (0 to 100)`,
          ],
        ]}
      />
      {props.canManage && round.status === 'draft' && (
        <>
          <p>
            Opening the round fixes its questionnaire, groups and thresholds. Until then you can
            change it or delete it.
          </p>
          <ActionButton action={`${base}/open`} label="Open the round" />
          <a class="nhsuk-button nhsuk-button--secondary" href={`${base}/edit`}>
            Change the round
          </a>{' '}
          <a class="nhsuk-button nhsuk-button--warning" href={`${base}/delete`}>
            Delete the round
          </a>
        </>
      )}
      {props.canManage && round.status === 'open' && (
        <>
          <form method="post" action={`${base}/extend`} novalidate>
            <DateInput
              name="closesOn"
              legend="New closing date"
              values={forms.values}
              error={forms.errors.closesOn}
            />
            <button
              class="nhsuk-button nhsuk-button--secondary"
              data-module="nhsuk-button"
              type="submit"
            >
              Extend the round
            </button>
          </form>
          <h2 class="nhsuk-heading-m">Close the round</h2>
          <p>Closing ends the round for everyone and shows its results. It cannot be undone.</p>
          <a class="nhsuk-button nhsuk-button--warning" href={`${base}/close`}>
            Close the round
          </a>
        </>
      )}
      {round.status === 'closed' && <ClosedRoundLinks round={round} canExport={props.canExport} />}
      <Table
        caption="Participation by group"
        captionSize="m"
        columns={
          consensus
            ? [{ header: 'Group' }, { header: 'Consensus record' }]
            : [
                { header: 'Group' },
                { header: 'Links issued', numeric: true },
                { header: 'Responses completed', numeric: true },
              ]
        }
        rows={props.progress.map((group) =>
          consensus
            ? [
                group.name,
                group.consensus?.canRecord &&
                round.status === 'open' &&
                group.consensus.state !== 'Completed' ? (
                  <a href={`${base}/consensus/${group.id}`}>
                    {group.consensus.state === 'Not started' ? 'Record' : 'Continue'} the consensus
                    <span class="nhsuk-u-visually-hidden"> for {group.name}</span>
                  </a>
                ) : (
                  (group.consensus?.state ?? 'Not started')
                ),
              ]
            : [group.name, String(group.invited), group.completed],
        )}
      />
      {!consensus && round.status !== 'closed' && props.inviteGroups.length > 0 && (
        <>
          {props.keptLinks.length > 0 && (
            <>
              <h2>Links you made</h2>
              <ul class="nhsuk-list">
                {props.keptLinks.map((k) => (
                  <li>
                    <a href={k.href}>
                      {k.count} {k.count === 1 ? 'link' : 'links'}, to print or download until{' '}
                      {timeFormat.format(new Date(k.until))}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>Make invitation links</h2>
          <p>
            Each link can be used by one person, once, and comes with a QR code and a code to type.
            You can come back to the links you make, to print or download them, for{' '}
            {props.keptHours} hours. After that only a fingerprint of each is kept, so nobody can
            look them up.
          </p>
          <form method="post" action={`${base}/invitations`} novalidate>
            <Select
              name="groupId"
              label="Group"
              options={props.inviteGroups}
              value={forms.values.groupId}
              error={forms.errors.groupId}
            />
            <Select
              name="perspective"
              label="Whose views"
              options={props.perspectives}
              value={forms.values.perspective}
              error={forms.errors.perspective}
            />
            <TextInput
              name="count"
              label="Number of links"
              hint="Up to 500"
              inputmode="numeric"
              width={3}
              value={forms.values.count}
              error={forms.errors.count}
            />
            <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
              Make the links
            </button>
          </form>
        </>
      )}
    </>
  )
}
