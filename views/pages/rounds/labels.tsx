import type { roundStatuses } from '../../../src/instruments/enums'

type RoundStatus = (typeof roundStatuses)[number]

const tags: Record<RoundStatus, { text: string; colour: string }> = {
  draft: { text: 'Draft', colour: 'grey' },
  open: { text: 'Open', colour: 'green' },
  closed: { text: 'Closed', colour: 'white' },
}

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const tag = tags[status]
  return <strong class={`nhsuk-tag nhsuk-tag--${tag.colour}`}>{tag.text}</strong>
}

export const modeLabels = { individual: 'Individual, anonymous', consensus: 'Consensus' } as const

const longDateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** A date as people in the NHS write it: 1 March 2027 (one formatter for every date written). */
export const longDate = (iso: string) => longDateFormat.format(new Date(`${iso}T12:00:00Z`))
