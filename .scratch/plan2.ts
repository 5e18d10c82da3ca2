import { createClient } from '@libsql/client'

const c = createClient({ url: 'file:./data/reference.db' })
const org = (await c.execute('select id from organisations')).rows[0]!.id as string
const rounds = (await c.execute("select id from rounds where status='closed'")).rows.map(
  (r) => r.id as string,
)
const time = async (label: string, sql: string, args: unknown[]) => {
  await c.execute({ sql, args: args as never })
  const s = performance.now()
  for (let i = 0; i < 5; i++) {
    var res = await c.execute({ sql, args: args as never })
  }
  console.log(label, res!.rows.length, ((performance.now() - s) / 5).toFixed(1), 'ms')
}
const inList = rounds.map(() => '?').join(',')
await time(
  'count',
  `select count(*) from score_aggregates where organisation_id = ? and round_id in (${inList}) and measure = 'total'`,
  [org, ...rounds],
)
await time(
  'rows',
  `select * from score_aggregates where organisation_id = ? and round_id in (${inList}) and measure = 'total'`,
  [org, ...rounds],
)
await time(
  'grouped',
  `select round_id, group_id, sum(n), sum(sum), sum(sum_of_squares), sum(insufficient) from score_aggregates where organisation_id = ? and round_id in (${inList}) and measure = 'total' group by round_id, group_id`,
  [org, ...rounds],
)
await c.execute(
  `create index if not exists tmp_cover on score_aggregates (organisation_id, measure, round_id, group_id, perspective, n, sum, sum_of_squares, insufficient)`,
)
await time(
  'count covering',
  `select count(*) from score_aggregates where organisation_id = ? and round_id in (${inList}) and measure = 'total'`,
  [org, ...rounds],
)
await time(
  'rows covering',
  `select round_id, group_id, perspective, n, sum, sum_of_squares, insufficient from score_aggregates where organisation_id = ? and round_id in (${inList}) and measure = 'total'`,
  [org, ...rounds],
)
await c.execute(`drop index tmp_cover`)
