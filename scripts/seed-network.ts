import { existsSync } from 'node:fs'
import { getFirstOrganisation } from '../src/db/queries/organisations'
import { periodWords } from '../src/instruments/network'
import { openFile } from './database'
import { generateNetwork } from './network'

// A demo network of 9 trusts on one service, with two published benchmark periods, in the
// database npm start uses (DATABASE_URL), or afresh with --fresh.
const url = process.env.DATABASE_URL ?? 'file:./data/recovery.db'
const port = Number(process.env.PORT ?? 8787)
const fresh = process.argv.includes('--fresh')
if (!url.startsWith('file:')) {
  console.error(`The demo network is made in a local file; DATABASE_URL is ${url}.`)
  process.exit(1)
}
const path = url.slice('file:'.length)
const periods = ['2025-H2', '2026-H1']
const started = Date.now()
const { db, close } = await openFile(path, { fresh })
try {
  const existing = existsSync(path) ? await getFirstOrganisation(db) : null
  if (existing) {
    console.error(`${path} already holds an organisation (${existing.name}), so the network was not added to it.

To start afresh with the demo network, which deletes everything in ${path}:
  npm run seed:network -- --fresh

To keep it and make the network in another file:
  DATABASE_URL=file:./data/network.db npm run seed:network`)
    process.exitCode = 1
  } else {
    const made = await generateNetwork(
      db,
      {
        trusts: 9,
        lines: ['Community', 'Inpatient'],
        teamsPerLine: 3,
        respondents: [5, 12],
        periods,
        password: 'demo password 2026',
      },
      (line) => console.log(line),
    )
    console.log(`
A demo network of 9 trusts is in ${path}, with ${periods.map(periodWords).join(' and ')} published.
Made in ${((Date.now() - started) / 1000).toFixed(1)} s.

  OPERATOR_EMAIL=service.desk@example.org npm start
  open http://localhost:${port}/networks and sign in
  as the coordinator: ${made.coordinator.email}, or as a member trust's admin: ${made.member.email}
  with the password: ${made.coordinator.password}
`)
  }
} catch (error) {
  console.error((error as Error).message)
  process.exitCode = 1
} finally {
  close()
}
