import { existsSync } from 'node:fs'
import { getFirstOrganisation } from '../src/db/queries/organisations'
import { openFile } from './database'
import { generateStrategy } from './strategy'
import { generateTrust } from './trust'

// The same database and port as `npm start`, so that the two commands run one after the other.
const url = process.env.DATABASE_URL ?? 'file:./data/recovery.db'
const port = Number(process.env.PORT ?? 8787)
const fresh = process.argv.includes('--fresh')
if (!url.startsWith('file:')) {
  console.error(
    `The demo is made in a local file; DATABASE_URL is ${url}. Unset it, or set it to file:./data/demo.db`,
  )
  process.exit(1)
}
const path = url.slice('file:'.length)
const admin = {
  name: 'Demo Admin',
  email: 'demo.admin@northmoor.example',
  password: 'demo password 2026',
}

const started = Date.now()
const { db, close } = await openFile(path, { fresh })
try {
  const existing = existsSync(path) ? await getFirstOrganisation(db) : null
  if (existing) {
    console.error(`${path} already holds an organisation (${existing.name}), so the demo was not added to it.

To start afresh with the demo, which deletes everything in ${path}:
  npm run seed:demo -- --fresh && npm start

To keep it and make the demo in another file:
  DATABASE_URL=file:./data/demo.db npm run seed:demo && DATABASE_URL=file:./data/demo.db npm start`)
    process.exitCode = 1
  } else {
    await seed()
  }
} catch (error) {
  console.error((error as Error).message)
  process.exitCode = 1
} finally {
  close()
}

async function seed() {
  const trust = await generateTrust(
    db,
    {
      name: 'Northmoor Mental Health Trust (demo)',
      lines: ['Adult community', 'Inpatient', 'Specialist'],
      teamsPerLine: 4,
      rounds: 4,
      respondents: [3, 12],
      seed: 2026,
      admin,
    },
    (line) => console.log(line),
  )
  const strategy = await generateStrategy(
    db,
    { organisationId: trust.organisationId, actorId: trust.adminId, at: new Date() },
    trust.teams.map((t) => t.id),
    { months: 24, seed: 2026 },
  )
  console.log(`
A demo trust is in ${path}: ${trust.teams.length} teams in 3 service lines, the executive team,
4 rounds over two years (${trust.answers.toLocaleString('en-GB')} answers), an open round, an action plan,
and a recovery strategy of 7 workstreams with 20 metrics (${strategy.values.toLocaleString('en-GB')} monthly values).
Made in ${((Date.now() - started) / 1000).toFixed(1)} s.

  npm start
  open http://localhost:${port} and sign in as ${admin.email} with the password: ${admin.password}

An invitation link of the open round, to answer as a member of staff:
  http://localhost:${port}/r/${trust.tokens[0]}
`)
}
