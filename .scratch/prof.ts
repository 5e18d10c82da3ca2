import { openLibsqlDb } from '../src/db/libsql'
import { listTeams } from '../src/db/queries/groups'
import { comparisonData } from '../src/lib/results/comparison'
import { overviewData } from '../src/lib/results/overview'
import { teamData } from '../src/lib/results/team'
import { ComparePage } from '../views/pages/results/compare'
import { OverviewPage } from '../views/pages/results/overview'

const { db } = await openLibsqlDb({ url: 'file:./data/reference.db' })
const org = (await db.query.organisations.findFirst())!.id
const meta = JSON.parse(
  await (await import('node:fs')).promises.readFile('./data/reference.db.json', 'utf8'),
)
const t = async (name: string, f: () => unknown) => {
  for (let i = 0; i < 3; i++) await f()
  const s = performance.now()
  for (let i = 0; i < 10; i++) await f()
  console.log(name, ((performance.now() - s) / 10).toFixed(1), 'ms')
}
await t('overviewData', () => overviewData(db, org, {}, () => true, true))
const data = await overviewData(db, org, {}, () => true, true)
await t('overview render', () => String(OverviewPage({ data, filters: {}, canExport: true })))
const teams = await listTeams(db, org)
const groups = teams.map((t) => ({ ...t, kind: 'team' as const }))
await t('comparisonData', () => comparisonData(db, org, groups, meta.rounds[0], meta.rounds.at(-1)))
const cd = await comparisonData(db, org, groups, meta.rounds[0], meta.rounds.at(-1))
await t('compare render', () => String(ComparePage({ data: cd, domainTitles: {} })))
await t('teamData', () => teamData(db, org, teams[0]!, undefined))
await t('listTeams', () => listTeams(db, org))
