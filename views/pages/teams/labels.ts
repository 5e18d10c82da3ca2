import type { GroupingKind, TeamType } from '../../../src/db/queries/groups'

export const teamTypeLabels: Record<TeamType, string> = {
  inpatient: 'Inpatient',
  community: 'Community',
  crisis: 'Crisis',
  rehabilitation: 'Rehabilitation',
  specialist: 'Specialist',
  other: 'Other',
}

export const groupingKindLabels: Record<GroupingKind, string> = {
  'service-line': 'Service line',
  locality: 'Locality',
}
