import { Hono } from 'hono'
import { OverviewPage } from '../../views/pages/results/overview'
import type { AppEnv } from '../env'
import { may } from '../lib/authorise'
import { render } from '../lib/htmx'
import { overviewData } from '../lib/results/overview'

const filterOf = (value: string | undefined) =>
  value && /^[\w-]{1,64}$/.test(value) ? value : undefined

export const resultsRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const grants = c.var.signedIn?.grants ?? []
  const filters = {
    line: filterOf(c.req.query('line')),
    type: filterOf(c.req.query('type')),
    round: filterOf(c.req.query('round')),
  }
  const data = await overviewData(c.var.db, c.var.organisation.id, filters, (id) =>
    may.seeTeam(grants, id),
  )
  return render(
    c,
    <OverviewPage data={data} filters={filters} canExport={may.exportResults(grants)} />,
    {
      title: 'Results',
    },
  )
})
