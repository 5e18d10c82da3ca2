import type { InstrumentStatus } from '../../src/instruments/definition'

const tagClass: Record<InstrumentStatus, string> = {
  draft: 'nhsuk-tag nhsuk-tag--grey',
  active: 'nhsuk-tag nhsuk-tag--green',
  retired: 'nhsuk-tag nhsuk-tag--white',
}
const tagText: Record<InstrumentStatus, string> = {
  draft: 'Draft',
  active: 'Published',
  retired: 'Retired',
}

export function StatusTag({ status }: { status: InstrumentStatus }) {
  return <strong class={tagClass[status]}>{tagText[status]}</strong>
}
