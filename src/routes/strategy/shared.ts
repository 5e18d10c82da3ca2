import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import { getMetric, type Metric } from '../../db/queries/metrics'
import {
  getObjective,
  getWorkstream,
  type Objective,
  type Workstream,
} from '../../db/queries/strategy'
import type { AppEnv, SignedInEnv } from '../../env'
import { dayOf } from '../../instruments/dates'
import { builtInInstruments } from '../../instruments/registry'
import { may, requireThat } from '../../lib/authorise'

/** Changing the strategy: strategy leads and admins. */
export const manage = requireThat('manageStrategy')
export const today = <E extends SignedInEnv>(c: Context<E>) => dayOf(c.var.now())
export const canManage = <E extends SignedInEnv>(c: Context<E>) =>
  may.manageStrategy(c.var.signedIn.grants)

/** The assessment domains a workstream can link to: those of the starter instruments. */
export const domains =
  builtInInstruments()[0]?.domains.map((d) => ({ key: d.key, title: d.title })) ?? []

type With<T> = { Bindings: AppEnv['Bindings']; Variables: SignedInEnv['Variables'] & T }
export type WorkstreamEnv = With<{ workstream: Workstream }>
export type ObjectiveEnv = With<{ objective: Objective; workstream: Workstream }>
export type MetricEnv = With<{ metric: Metric; workstream: Workstream }>

const found = <T>(row: T | null): T => {
  if (!row) throw new HTTPException(404)
  return row
}

/**
 * The workstream, objective or metric the path names, read once for the request and put on the
 * context, each with its workstream; another organisation's, or none, is a 404.
 */
export const withWorkstream = createMiddleware<WorkstreamEnv>(async (c, next) => {
  const { db, organisation } = c.var
  c.set('workstream', found(await getWorkstream(db, organisation.id, c.req.param('id') ?? '')))
  await next()
})

export const withObjective = createMiddleware<ObjectiveEnv>(async (c, next) => {
  const { db, organisation } = c.var
  const objective = found(await getObjective(db, organisation.id, c.req.param('id') ?? ''))
  c.set('objective', objective)
  c.set('workstream', found(await getWorkstream(db, organisation.id, objective.workstreamId)))
  await next()
})

export const withMetric = createMiddleware<MetricEnv>(async (c, next) => {
  const { db, organisation } = c.var
  const metric = found(await getMetric(db, organisation.id, c.req.param('id') ?? ''))
  c.set('metric', metric)
  c.set('workstream', found(await getWorkstream(db, organisation.id, metric.workstreamId)))
  await next()
})
