import { createClient } from '@libsql/client'

const c = createClient({ url: 'file:./data/reference.db' })
const org = (await c.execute('select id from organisations')).rows[0]!.id as string
const rounds = (await c.execute("select id from rounds where status='closed'")).rows.map(
  (r) => r.id as string,
)
const q = async (sql: string, args: unknown[]) => {
  console.log(sql.slice(0, 90))
  for (const r of (await c.execute({ sql: 'explain query plan ' + sql, args: args as never })).rows)
    console.log('   ', r.detail)
  const s = performance.now()
  const res = await c.execute({ sql, args: args as never })
  console.log('    rows', res.rows.length, (performance.now() - s).toFixed(1), 'ms')
}
await q(
  `select * from score_aggregates where organisation_id = ? and round_id in (${rounds.map(() => '?').join(',')}) and measure = 'total'`,
  [org, ...rounds],
)
await q(`select round_id, group_id from round_groups where organisation_id = ?`, [org])
await q(`select * from rounds where organisation_id = ? order by opens_on desc, name`, [org])
