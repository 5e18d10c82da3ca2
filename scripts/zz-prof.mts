import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import { openFile } from './database'
import { listRoundFigures, listClosedRounds } from '../src/db/queries/results'
import { overviewData } from '../src/lib/results/overview'
import { comparisonData } from '../src/lib/results/comparison'
import { teamData } from '../src/lib/results/team'
import { getTeam } from '../src/db/queries/groups'
const meta = JSON.parse(readFileSync('./data/reference.db.json', 'utf8'))
const { db } = await openFile('./data/reference.db')
const [org] = await db.all<{ id: string }>(sql`select id from organisations`)
const orgId = org!.id
const time = async (label: string, f: () => Promise<unknown>, n = 20) => {
  for (let i = 0; i < n; i++) await f(); const t = performance.now(); let r: any; for (let i = 0; i < n; i++) r = await f(); console.log(label, ((performance.now() - t) / n).toFixed(1), 'ms', Array.isArray(r) ? r.length : '')
}
const rounds = await listClosedRounds(db, orgId)
await time('overview figures', () => listRoundFigures(db, orgId, { kinds: ['responses', 'total'], wholeOnly: true }))
await time('compare figures', () => listRoundFigures(db, orgId, { roundIds: [meta.rounds[0], meta.rounds.at(-1)], wholeOnly: true }))
await time('team figures', () => listRoundFigures(db, orgId, { groupId: meta.teamId }))
await time('workstream figures', () => listRoundFigures(db, orgId, { kinds: ['responses', 'domain'], keys: ['', 'D08', 'D04'], wholeOnly: true }))
await time('overview data', () => overviewData(db, orgId, {}, () => true))
const groups = (await db.all<{ id: string, name: string, kind: 'team' }>(sql`select id, name, kind from groups`))
await time('comparison data', () => comparisonData(db, orgId, rounds, groups, meta.rounds[0], meta.rounds.at(-1)), 20)
const team = await getTeam(db, orgId, meta.teamId)
await time('team data', () => teamData(db, orgId, team!, undefined), 20)
