import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ComparePage } from '../../views/pages/results/compare'
import { OverviewPage } from '../../views/pages/results/overview'
import { ReportPage } from '../../views/pages/results/report'
import { RulesPage } from '../../views/pages/results/rules'
import { readResultsScope } from '../db/queries/results-scope'
import type { SignedInEnv } from '../env'
import { may } from '../lib/authorise'
import { comparisonData } from '../lib/results/comparison'
import { overviewData } from '../lib/results/overview'
import { reportData } from '../lib/results/report'
import { render } from './render'

const filterOf = (value: string | undefined) =>
  value && /^[\w-]{1,64}$/.test(value) ? value : undefined

/**
 * In one statement, the closed rounds and the groups this person may see results of: the
 * executive, and the teams they may see.
 */
async function visibleScope(c: Context<SignedInEnv>) {
  const grants = c.var.signedIn.grants
  const { rounds, executive, teams } = await readResultsScope(c.var.db, c.var.organisation.id)
  const groups = [
    ...(executive ? [{ ...executive, kind: 'executive' as const }] : []),
    ...teams.filter((t) => may.seeTeam(grants, t.id)).map((t) => ({ ...t, kind: 'team' as const })),
  ]
  return { rounds, groups }
}

export const resultsRoutes = new Hono<SignedInEnv>()
  .get('/compare', async (c) => {
    const { rounds, groups } = await visibleScope(c)
    const data = await comparisonData(
      c.var.db,
      c.var.organisation.id,
      rounds,
      groups,
      filterOf(c.req.query('from')),
      filterOf(c.req.query('to')),
    )
    return render(c, <ComparePage data={data} domainTitles={data.domainTitles} />, {
      title: 'Compare two rounds',
    })
  })
  .get('/rules', (c) => render(c, <RulesPage />, { title: 'How these figures are worked out' }))
  .get('/report', async (c) => {
    const data = await reportData(
      c.var.db,
      c.var.organisation.id,
      filterOf(c.req.query('round')) ?? '',
      (await visibleScope(c)).groups,
    )
    if (!data) throw new HTTPException(404)
    const board = may.seeAllTeams(c.var.signedIn.grants)
    return render(
      c,
      <ReportPage data={data} organisationName={c.var.organisation.name} board={board} />,
      { title: `${board ? 'Board report' : 'Report for your teams'}: ${data.round.name}` },
    )
  })
  .get('/', async (c) => {
    const grants = c.var.signedIn.grants
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
