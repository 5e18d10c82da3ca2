import { openFile } from './database'
import { generateStrategy } from './strategy'
import { generateTrust } from './trust'

const path = process.env.DEMO_DATABASE ?? './data/recovery.db'
const admin = {
  name: 'Demo Admin',
  email: 'demo.admin@northmoor.example',
  password: 'demo password 2026',
}

const started = Date.now()
const { db, close } = await openFile(path)
try {
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
  open http://localhost:8787 and sign in as ${admin.email} with the password: ${admin.password}

An invitation link of the open round, to answer as a member of staff:
  http://localhost:8787/r/${trust.tokens[0]}
`)
} catch (error) {
  console.error((error as Error).message)
  process.exitCode = 1
} finally {
  close()
}
