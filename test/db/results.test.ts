import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import {
  domainFiguresPart,
  type FiguresByRound,
  groupsFiguresPart,
  listClosedRounds,
  roundFiguresPart,
} from '../../src/db/queries/results'
import { createOrganisation, createTeamRow, teamInstrument } from '../helpers/factories'
import { allAnswered, closedRoundWith } from '../helpers/results'

const instrument = teamInstrument()

/** Every figure of these groups, as plain values to compare. */
const figuresOf = (part: FiguresByRound, groupIds: readonly string[]) =>
  [...part]
    .map(([roundId, groups]) => [
      roundId,
      groupIds.map((id) => [id, groups.get(id)?.rows.map((r) => ({ ...r })) ?? null]),
    ])
    .sort()

async function threeRounds() {
  const { db } = await freshHarness()
  const organisationId = (await createOrganisation(db)).id
  const [a, b, c] = await Promise.all(
    ['Ward A', 'Ward B', 'Ward C'].map((name) => createTeamRow(db, organisationId, name)),
  )
  if (!a || !b || !c) throw new Error('teams not made')
  for (const [i, teams] of [
    [a, b],
    [a, b, c],
    [b, c],
  ].entries()) {
    await closedRoundWith(db, organisationId, instrument, {
      name: `Round ${i + 1}`,
      date: `202${i + 1}-03-31`,
      responses: teams.flatMap((team) =>
        Array.from({ length: 5 }, (_, r) => ({
          groupId: team.id,
          answers: allAnswered(instrument, ((r + i) % 5) as 0 | 1 | 2 | 3 | 4),
        })),
      ),
    })
  }
  const rounds = (await listClosedRounds(db, organisationId)).map((r) => r.id)
  return { db, organisationId, rounds, teams: { a, b, c } }
}

describe('reading a few groups of closed rounds', () => {
  it('gives the same figures as the whole rounds do, read first or after, and nothing for a round a group missed', async () => {
    for (const wholeFirst of [false, true]) {
      const { db, organisationId, rounds, teams } = await threeRounds()
      const wanted = [teams.a.id, teams.c.id]
      const whole = wholeFirst ? await roundFiguresPart(db, organisationId, rounds, 'scores') : null
      const narrow = await groupsFiguresPart(db, organisationId, rounds, wanted, 'scores')
      const again = await groupsFiguresPart(db, organisationId, rounds, wanted, 'scores')
      const reference = whole ?? (await roundFiguresPart(db, organisationId, rounds, 'scores'))
      expect(figuresOf(narrow, wanted)).toEqual(figuresOf(reference, wanted))
      expect(figuresOf(again, wanted)).toEqual(figuresOf(reference, wanted))
      // Ward C was not in the first round, Ward A not in the third; Ward B was not asked for.
      expect(rounds.map((id) => [...(narrow.get(id)?.keys() ?? [])].sort())).toEqual([
        [teams.a.id],
        [teams.a.id, teams.c.id].sort(),
        [teams.c.id],
      ])
      expect(figuresOf(narrow, wanted).flat(3).filter(Array.isArray).length).toBeGreaterThan(0)
    }
  })

  it('gives a workstream its linked domains and response counts as the whole scores have them, read first or after', async () => {
    const linked = instrument.domains.slice(1, 3).map((d) => d.key)
    const wanted = (rows: readonly { kind: string; key: string }[]) =>
      rows.filter((r) => r.kind === 'responses' || (r.kind === 'domain' && linked.includes(r.key)))
    const plain = (part: FiguresByRound) =>
      [...part]
        .map(([roundId, groups]) => [
          roundId,
          [...groups]
            .map(([groupId, group]) => [groupId, wanted(group.rows).map((r) => ({ ...r }))])
            .sort(),
        ])
        .sort()
    for (const scoresFirst of [false, true]) {
      const { db, organisationId, rounds } = await threeRounds()
      const scores = scoresFirst
        ? await roundFiguresPart(db, organisationId, rounds, 'scores')
        : null
      const narrow = await domainFiguresPart(db, organisationId, rounds, linked)
      const reference = scores ?? (await roundFiguresPart(db, organisationId, rounds, 'scores'))
      expect(plain(narrow)).toEqual(plain(reference))
      expect(JSON.stringify(plain(narrow))).toContain(`"${linked[0]}"`)
      if (!scoresFirst) {
        // Read narrow, it holds no other domain and no question.
        const keys = [...narrow.values()].flatMap((g) => [...g.values()].flatMap((x) => x.rows))
        expect(keys.every((r) => r.kind === 'responses' || linked.includes(r.key))).toBe(true)
      }
    }
  })
})
