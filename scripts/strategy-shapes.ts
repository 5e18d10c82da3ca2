import type { EstimateInput } from '../src/instruments/enums'

type Actor = { organisationId: string; actorId: string; at: Date }

/** The seven workstreams of a recovery strategy, with their linked domains. */
export const workstreamShapes = [
  [
    'Peer support',
    'Peer support workers in every clinical team, supervised and paid fairly.',
    ['D08', 'D01'],
  ],
  [
    'Recovery college',
    'Courses co-produced and co-delivered by people with lived experience.',
    ['D03', 'D02'],
  ],
  ['Co-production', 'People who use services shape decisions at every level.', ['D07', 'D04']],
  ['Training', 'Every member of staff trained in recovery-focused practice.', ['D02', 'D01']],
  ['Positive risk', 'Safety plans written with people, not for them.', ['D06', 'D05']],
  ['Staff wellbeing', 'Staff supported to stay well and to bring their experience.', ['D09']],
  [
    'Life beyond services',
    'Work, housing and community connections for everyone who wants them.',
    ['D10'],
  ],
] as const

/** A metric of every team: a count or a percentage, its target, and how its values tend to grow. */
export type MetricShape = {
  name: string
  unit: string
  comparator: '>=' | '<='
  target: number
  start: number
  growth: number
  max: number
  whole: boolean
  /** What the peer support estimate takes from it, if anything. */
  estimateInput?: EstimateInput
}

export const metricShapes: MetricShape[] = [
  {
    name: 'Peer support workers',
    unit: 'peer support workers',
    estimateInput: 'peer-support-workers',
    comparator: '>=',
    target: 2,
    start: 0.4,
    growth: 0.02,
    max: 4,
    whole: true,
  },
  {
    name: 'Peer support hours a week',
    unit: 'hours',
    comparator: '>=',
    target: 60,
    start: 10,
    growth: 0.5,
    max: 120,
    whole: true,
  },
  {
    name: 'People supported by peers',
    unit: 'people',
    estimateInput: 'people-supported',
    comparator: '>=',
    target: 20,
    start: 4,
    growth: 0.15,
    max: 40,
    whole: true,
  },
  {
    name: 'Recovery college enrolments',
    unit: 'people',
    comparator: '>=',
    target: 5,
    start: 0.5,
    growth: 0.05,
    max: 12,
    whole: true,
  },
  {
    name: 'Courses co-delivered',
    unit: '%',
    comparator: '>=',
    target: 80,
    start: 30,
    growth: 0.5,
    max: 100,
    whole: false,
  },
  {
    name: 'Staff who attended a course',
    unit: '%',
    comparator: '>=',
    target: 50,
    start: 5,
    growth: 0.4,
    max: 90,
    whole: false,
  },
  {
    name: 'Co-produced care plans',
    unit: '%',
    comparator: '>=',
    target: 75,
    start: 20,
    growth: 0.5,
    max: 100,
    whole: false,
  },
  {
    name: 'Service user reps at team meetings',
    unit: 'meetings',
    comparator: '>=',
    target: 2,
    start: 0.2,
    growth: 0.02,
    max: 4,
    whole: true,
  },
  {
    name: 'Lived-experience panel members',
    unit: 'people',
    comparator: '>=',
    target: 3,
    start: 0.5,
    growth: 0.025,
    max: 6,
    whole: true,
  },
  {
    name: 'Staff trained in recovery practice',
    unit: '%',
    comparator: '>=',
    target: 90,
    start: 20,
    growth: 0.6,
    max: 100,
    whole: false,
  },
  {
    name: 'Recovery training hours',
    unit: 'hours',
    comparator: '>=',
    target: 40,
    start: 5,
    growth: 0.35,
    max: 80,
    whole: true,
  },
  {
    name: 'Safety plans written together',
    unit: '%',
    comparator: '>=',
    target: 90,
    start: 40,
    growth: 0.45,
    max: 100,
    whole: false,
  },
  {
    name: 'Restrictive practice incidents',
    unit: 'incidents',
    comparator: '<=',
    target: 2,
    start: 9,
    growth: -0.06,
    max: 12,
    whole: true,
  },
  {
    name: 'Positive risk reviews',
    unit: 'reviews',
    comparator: '>=',
    target: 10,
    start: 2,
    growth: 0.08,
    max: 20,
    whole: true,
  },
  {
    name: 'Staff sickness absence',
    unit: '%',
    comparator: '<=',
    target: 4,
    start: 7,
    growth: -0.02,
    max: 10,
    whole: false,
  },
  {
    name: 'Staff with a wellbeing plan',
    unit: '%',
    comparator: '>=',
    target: 80,
    start: 10,
    growth: 0.6,
    max: 100,
    whole: false,
  },
  {
    name: 'Reflective practice sessions',
    unit: 'sessions',
    comparator: '>=',
    target: 2,
    start: 0.5,
    growth: 0.015,
    max: 4,
    whole: true,
  },
  {
    name: 'People in paid work',
    unit: '%',
    comparator: '>=',
    target: 25,
    start: 8,
    growth: 0.12,
    max: 40,
    whole: false,
  },
  {
    name: 'People with settled housing',
    unit: '%',
    comparator: '>=',
    target: 85,
    start: 60,
    growth: 0.2,
    max: 100,
    whole: false,
  },
  {
    name: 'Community connections made',
    unit: 'connections',
    comparator: '>=',
    target: 15,
    start: 3,
    growth: 0.1,
    max: 30,
    whole: true,
  },
]
/** Which workstream each metric belongs to, by position in the two lists above. */
export const metricWorkstream = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6]
