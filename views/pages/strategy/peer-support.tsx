import { wholeNumber } from '../../../src/instruments/numbers'
import type { peerSupportValue } from '../../../src/instruments/strategy'
import type { FieldErrors, FormValues } from '../../../src/lib/validation'
import { ErrorSummary } from '../../components/error-summary'
import { TextInput } from '../../components/text-input'

export const peerSupportFields = [
  ['fte', 'Peer support workers (full-time equivalent)', 'For example 12.5'],
  [
    'costPerFte',
    'Annual cost of one full-time peer support worker (£)',
    'Salary, on-costs, supervision and training',
  ],
  ['clientsSupported', 'People supported in the year', ''],
  ['contacts', 'Contacts in the year', ''],
  [
    'bedDaysBefore',
    'Inpatient bed days in the year before',
    'Of the people supported; or leave both empty and give the days avoided',
  ],
  ['bedDaysAfter', 'Inpatient bed days in the year after', ''],
  [
    'bedDaysAvoided',
    'Or: inpatient bed days avoided',
    'Used when the days before and after are not given',
  ],
  ['costPerBedDay', 'Cost of one inpatient bed day (£)', 'The trust’s reference cost'],
] as const

const pounds = (value: number) => `£${wholeNumber(Math.round(value))}`

/** The estimate: its inputs as a form (a GET, so a result can be bookmarked), the result and its assumptions. */
export function PeerSupportPage({
  values,
  errors,
  result,
  bedDaysAvoided,
  fromMetrics,
}: {
  values: FormValues
  errors: FieldErrors
  result: ReturnType<typeof peerSupportValue> | null
  bedDaysAvoided: number | null
  fromMetrics: string | null
}) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1>Estimate the value of peer support</h1>
        <p>
          A rough estimate of what peer support workers cost against the inpatient bed days they may
          help avoid. Published returns on peer support vary widely, from less than £1 to several
          pounds for each £1 spent, with the study, the service and how bed days were counted: read
          this as one estimate under the assumptions shown, not as a finding.
        </p>
        {fromMetrics && <p class="nhsuk-inset-text">{fromMetrics}</p>}
        {result && bedDaysAvoided !== null && (
          <div class="nhsuk-card" id="estimate">
            <div class="nhsuk-card__content">
              <h2 class="nhsuk-card__heading">The estimate</h2>
              <dl class="nhsuk-summary-list">
                {(
                  [
                    ['Cost of peer support', pounds(result.cost)],
                    ['Bed days avoided', wholeNumber(Math.round(bedDaysAvoided))],
                    ['Value of bed days avoided', pounds(result.saving)],
                    ['Difference', `${result.net < 0 ? '−' : ''}${pounds(Math.abs(result.net))}`],
                    [
                      'Return for each £1 spent',
                      result.returnPerPound === null
                        ? 'Not known (nothing spent)'
                        : `£${result.returnPerPound.toFixed(2)}`,
                    ],
                    [
                      'Cost for each person supported',
                      result.costPerClient === null ? '–' : pounds(result.costPerClient),
                    ],
                    [
                      'Cost for each contact',
                      result.costPerContact === null ? '–' : pounds(result.costPerContact),
                    ],
                  ] as const
                ).map(([key, value]) => (
                  <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">{key}</dt>
                    <dd class="nhsuk-summary-list__value">{value}</dd>
                  </div>
                ))}
              </dl>
              <h3>Assumptions</h3>
              <ul class="nhsuk-list nhsuk-list--bullet">
                <li>
                  Every bed day avoided is put down to peer support; other causes are not taken out.
                </li>
                <li>
                  A bed day avoided is valued at the full cost of a bed day: cash is saved only when
                  beds close or are used by others.
                </li>
                <li>One year of costs against one year of bed days; nothing is discounted.</li>
                <li>
                  Other benefits (wellbeing, employment, fewer crisis contacts) are not counted.
                </li>
              </ul>
            </div>
          </div>
        )}
        <form method="get" action="/strategy/peer-support" novalidate>
          {peerSupportFields.map(([name, label, hint]) => (
            <TextInput
              name={name}
              label={label}
              {...(hint ? { hint } : {})}
              inputmode="decimal"
              width={10}
              value={values[name]}
              error={errors[name]}
            />
          ))}
          <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
            Estimate
          </button>
        </form>
      </div>
    </div>
  )
}
