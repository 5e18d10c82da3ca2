import { writeFileSync } from 'node:fs'
import { openFile } from './database'
import { generateTrust } from './trust'

/**
 * The reference trust of DESIGN §8 (150 teams in 10 service lines, 20 rounds, 4–20 staff
 * responses a team a round, the executive's consensus ratings: about a million answers), and the
 * same trust at one tenth of the answers (2 rounds), each with a note of what the benchmark needs.
 */
export const referenceAdmin = {
  name: 'Reference Admin',
  email: 'admin@reference.example',
  password: 'reference password',
}

export async function seedReference(path: string, rounds: number) {
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
    const seconds = (Date.now() - started) / 1000
    const meta = {
      admin: referenceAdmin,
      teamId: trust.teams[0]?.id,
      rounds: trust.rounds,
      token: trust.tokens[0],
      answers: trust.answers,
      seconds,
    }
    writeFileSync(`${path}.json`, JSON.stringify(meta, null, 2))
    console.log(
      `\n${path}: ${trust.teams.length} teams, ${rounds} rounds, ${trust.answers.toLocaleString('en-GB')} answers in ${seconds.toFixed(0)} s`,
    )
    return meta
  } finally {
    close()
  }
}

export const referencePaths = { full: './data/reference.db', tenth: './data/reference-tenth.db' }

if (import.meta.url === `file://${process.argv[1]}`) {
  await seedReference(referencePaths.full, 20)
  await seedReference(referencePaths.tenth, 2)
}
