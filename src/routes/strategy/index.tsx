import { Hono } from 'hono'
import { StrategyOverviewPage } from '../../../views/pages/strategy/overview'
import type { SignedInEnv } from '../../env'
import { strategyOverview } from '../../lib/strategy'
import { render } from '../render'
import { metricFormRoutes } from './metric-form'
import { metricRoutes } from './metrics'
import { objectiveRoutes } from './objectives'
import { peerSupportRoutes } from './peer-support'
import { canManage, today } from './shared'
import { uploadRoutes } from './uploads'
import { workstreamChangeRoutes, workstreamRoutes } from './workstreams'

/**
 * The recovery strategy, under /strategy: its overview, workstreams with their objectives and
 * metrics, metric values entered or uploaded, and the peer support estimate.
 */
export const strategyRoutes = new Hono<SignedInEnv>()
  .get('/', async (c) => {
    const data = await strategyOverview(c.var.db, c.var.organisation.id, today(c))
    return render(c, <StrategyOverviewPage data={data} canManage={canManage(c)} />, {
      title: 'Recovery strategy',
    })
  })
  .route('/workstreams', workstreamRoutes)
  .route('/workstreams', workstreamChangeRoutes)
  .route('/workstreams', metricFormRoutes)
  .route('/objectives', objectiveRoutes)
  .route('/metrics', metricRoutes)
  .route('/values', uploadRoutes)
  .route('/peer-support', peerSupportRoutes)
