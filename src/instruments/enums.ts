/**
 * The product's fixed lists of values: what the schema's CHECKs, the forms, the rules and the views
 * all name, each written once here.
 */

export const groupKinds = ['executive', 'team'] as const
export const teamTypes = [
  'inpatient',
  'community',
  'crisis',
  'rehabilitation',
  'specialist',
  'other',
] as const
export const groupingKinds = ['service-line', 'locality'] as const
export const personStatuses = ['invited', 'active', 'disabled'] as const
export const roles = ['admin', 'strategy-lead', 'team-lead', 'executive', 'viewer'] as const
export type Role = (typeof roles)[number]
/** A role a person holds: across the organisation (groupId null) or for one group. */
export type Grant = { role: Role; groupId: string | null }
export const shownLinkKinds = ['invitations', 'password'] as const
export const roundModes = ['individual', 'consensus'] as const
export const roundStatuses = ['draft', 'open', 'closed'] as const
export const responseStatuses = ['in-progress', 'completed'] as const
export const responseKinds = ['individual', 'consensus', 'imported'] as const
export const specialAnswers = ['NA', 'DK'] as const
export const priorityStatuses = ['planned', 'done', 'partly-done', 'not-done'] as const
export const figureKinds = ['responses', 'total', 'domain', 'item'] as const
export const objectiveStatuses = [
  'not-started',
  'on-track',
  'at-risk',
  'off-track',
  'done',
] as const
export const metricDirections = ['higher', 'lower'] as const
export const metricScopes = ['organisation', 'team'] as const
export const metricCadences = ['monthly', 'quarterly'] as const
export const comparators = ['>=', '<=', '>', '<', '='] as const
/**
 * What the peer support estimate can take from a metric: the number of peer support workers (the
 * latest), the people they supported and their contacts (each added up over the last year).
 */
export const estimateInputs = ['peer-support-workers', 'people-supported', 'peer-contacts'] as const
export type EstimateInput = (typeof estimateInputs)[number]
