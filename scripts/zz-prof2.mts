import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import { openFile } from './database'
import { listClosedRounds } from '../src/db/queries/results'
import { comparisonData } from '../src/lib/results/comparison'
const meta = JSON.parse(readFileSync('./data/reference.db.json', 'utf8'))
const { db } = await openFile('./data/reference.db')
const [org] = await db.all<{ id: string }>(sql`select id from organisations`)
const orgId = org!.id
const rounds = await listClosedRounds(db, orgId)
const groups = (await db.all<{ id: string, name: string, kind: 'team' }>(sql`select id, name, kind from groups`))
for (let i = 0; i < 400; i++) { await comparisonData(db, orgId, rounds, groups, meta.rounds[0], meta.rounds.at(-1)) }
