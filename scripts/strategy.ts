import type { Db } from '../src/db/client'
import type { Actor } from '../src/db/queries/audit'
import { createMetric, type MetricChanges, saveMetricValues } from '../src/db/queries/metrics'
import {
  createObjective,
  createWorkstream,
  getObjective,
  noteProgress,
} from '../src/db/queries/strategy'
import { metricShapes, metricWorkstream, workstreamShapes } from './strategy-shapes'
import { random } from './trust'

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
