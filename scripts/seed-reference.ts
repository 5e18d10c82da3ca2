import { writeFileSync } from 'node:fs'
import { openFile } from './database'
import { generateStrategy } from './strategy'
import { generateTrust } from './trust'

/**
 * The reference trust of docs/architecture.md (150 teams in 10 service lines, 20 rounds, 4–20 staff
 * responses a team a round, the executive's consensus ratings: about a million answers; 7
 * workstreams with 20 metrics of every team, monthly for 10 years), and the same trust at one
 * tenth (2 rounds, 12 months), each with a note of what the benchmark needs.
 */
export const referenceAdmin = {
  name: 'Reference Admin',
  email: 'admin@reference.example',
  password: 'reference password',
}

export async function seedReference(path: string, rounds: number, months: number) {
  const started = Date.now()
  const { db, close } = await openFile(path, { fresh: true })
  try {
    const lines = Array.from({ length: 10 }, (_, i) => `Line ${String.fromCharCode(65 + i)}`)
    const trust = await generateTrust(
      db,
      {
        name: 'Reference Trust',
        lines,
        teamsPerLine: 15,
        rounds,
        respondents: [4, 20],
        seed: 150,
        admin: referenceAdmin,
      },
      (line) => process.stdout.write(`\r${path}: ${line}   `),
    )
    const strategy = await generateStrategy(
      db,
      {
        organisationId: trust.organisationId,
        actorId: trust.adminId,
        at: new Date('2026-11-01T09:00:00Z'),
      },
      trust.teams.map((t) => t.id),
      { months, seed: 7 },
      (line) => process.stdout.write(`\r${path}: ${line}   `),
    )
    const seconds = (Date.now() - started) / 1000
    const meta = {
      workstreamId: strategy.workstreamIds[0],
      metricValues: strategy.values,
      admin: referenceAdmin,
      teamId: trust.teams[0]?.id,
      rounds: trust.rounds,
      token: trust.tokens[0],
      answers: trust.answers,
      seconds,
    }
    writeFileSync(`${path}.json`, JSON.stringify(meta, null, 2))
    console.log(
      `\n${path}: ${trust.teams.length} teams, ${rounds} rounds, ${trust.answers.toLocaleString('en-GB')} answers, ${strategy.values.toLocaleString('en-GB')} metric values in ${seconds.toFixed(0)} s`,
    )
    return meta
  } finally {
    close()
  }
}

export const referencePaths = { full: './data/reference.db', tenth: './data/reference-tenth.db' }

if (import.meta.url === `file://${process.argv[1]}`) {
  await seedReference(referencePaths.full, 20, 120)
  await seedReference(referencePaths.tenth, 2, 12)
}
