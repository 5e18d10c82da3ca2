import { openLibsqlDb } from '../src/db/libsql'
import { listTeams } from '../src/db/queries/groups'
import { scoreSums } from '../src/db/queries/results'
import { listRounds } from '../src/db/queries/rounds'
import { overviewData } from '../src/lib/results/overview'
import { OverviewPage } from '../views/pages/results/overview'

const { db } = await openLibsqlDb({ url: 'file:./data/reference.db' })
const org = (await db.query.organisations.findFirst())!.id
const t = async (name: string, f: () => Promise<unknown>) => {
  for (let i = 0; i < 3; i++) await f()
  const s = performance.now()
  for (let i = 0; i < 10; i++) await f()
  console.log(name, ((performance.now() - s) / 10).toFixed(1), 'ms')
}
await t('listRounds', () => listRounds(db, org))
await t('listTeams', () => listTeams(db, org))
const rounds = (await listRounds(db, org)).filter((r) => r.status === 'closed')
await t('scoreSums total', () =>
  scoreSums(
    db,
    org,
    rounds.map((r) => r.id),
    { measure: 'total' },
  ),
)
await t('scoreSums one round', () => scoreSums(db, org, [rounds[0]!.id]))
await t('overviewData', () => overviewData(db, org, {}, () => true))
const data = await overviewData(db, org, {}, () => true)
await t('render', async () => String(OverviewPage({ data, filters: {}, canExport: true })))
