import type { Db } from '../src/db/client'
import { createMetric, type MetricChanges, saveMetricValues } from '../src/db/queries/metrics'
import {
  createObjective,
  createWorkstream,
  getObjective,
  noteProgress,
} from '../src/db/queries/strategy'
import type { EstimateInput } from '../src/db/schema'
import { random } from './trust'

type Actor = { organisationId: string; actorId: string; at: Date }

/** The seven workstreams of a recovery strategy, with their linked domains. */
const workstreamShapes = [
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
type MetricShape = {
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

const metricShapes: MetricShape[] = [
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
const metricWorkstream = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6]

const monthOf = (first: string, i: number) => {
  const month = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1 + i
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`
}

/**
 * A recovery strategy of seven workstreams, each with objectives and about three metrics of every
 * team, and monthly values for every team, up to October 2026, through the same write path as the
 * value entry form (so every period's summary and audit entry is made as a real entry makes it).
 */
export async function generateStrategy(
  db: Db,
  actor: Actor,
  teamIds: readonly string[],
  {
    months,
    seed,
    metrics = metricShapes.length,
  }: { months: number; seed: number; metrics?: number },
  log: (line: string) => void = () => {},
) {
  const next = random(seed)
  const workstreamIds: string[] = []
  for (const [w, [name, purpose, domains]] of workstreamShapes.entries()) {
    const id = await createWorkstream(db, actor, {
      name,
      purpose,
      lead: ['Dana Okafor', 'Lee Chen', 'Priya Shah', 'Tom Evans'][w % 4] ?? '',
      linkedDomains: [...domains],
    })
    if (!id) throw new Error(`The workstream ${name} exists already`)
    workstreamIds.push(id)
    for (const [o, [title, dueOn, status]] of (
      [
        [`Agree the ${name.toLowerCase()} plan with people who use services`, '2025-06-30', 'done'],
        [
          `Report ${name.toLowerCase()} progress to the board`,
          '2027-01-31',
          w === 6 ? 'off-track' : w % 3 === 0 ? 'at-risk' : 'on-track',
        ],
        [`Reach every team with ${name.toLowerCase()}`, '2027-03-31', 'on-track'],
      ] as const
    ).entries()) {
      const objectiveId = await createObjective(db, actor, id, {
        title,
        owner: ['Dana Okafor', 'Lee Chen', 'Priya Shah'][o] ?? '',
        dueOn,
      })
      const objective = await getObjective(db, actor.organisationId, objectiveId)
      if (objective)
        await noteProgress(db, actor, objective, {
          notedOn: '2026-10-01',
          status,
          note:
            status === 'done' ? 'Agreed at the strategy group.' : 'Progressing; see the metrics.',
        })
    }
  }
  let values = 0
  const first = monthOf('2026-10', -(months - 1))
  for (const [m, shape] of metricShapes.slice(0, metrics).entries()) {
    const changes: MetricChanges = {
      name: shape.name,
      unit: shape.unit,
      direction: shape.comparator === '>=' ? 'higher' : 'lower',
      scope: 'team',
      cadence: 'monthly',
      comparator: shape.comparator,
      targetValue: shape.target,
      coverageTarget: 100,
      dueOn: '2027-03-31',
      baseline: null,
      estimateInput: shape.estimateInput ?? null,
    }
    const metricId = await createMetric(
      db,
      actor,
      workstreamIds[metricWorkstream[m] ?? 0] ?? '',
      changes,
    )
    if (!metricId) throw new Error(`The metric ${shape.name} exists already`)
    const level = teamIds.map(() => shape.start * (0.5 + next()))
    for (let i = 0; i < months; i++) {
      const period = monthOf(first, i)
      const entries = teamIds.map((groupId, t) => {
        // Each shape's growth is a month's of ten years: a shorter history covers the same path.
        const drift = shape.growth * (120 / months) * (0.5 + next())
        level[t] = Math.min(shape.max, Math.max(0, (level[t] ?? 0) + drift))
        const noisy = Math.max(0, (level[t] ?? 0) + (next() - 0.5) * shape.start * 0.3)
        const value = shape.whole ? Math.round(noisy) : Math.round(noisy * 10) / 10
        return { metricId, period, groupId, value, note: null }
      })
      values += await saveMetricValues(
        db,
        { ...actor, at: new Date(`${period}-28T12:00:00Z`) },
        entries,
      )
    }
    log(`metric ${m + 1} of ${metrics}: ${shape.name}`)
  }
  return { workstreamIds, values }
}
