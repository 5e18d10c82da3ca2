import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { groupsFiguresPart, roundFiguresPart } from '../../src/db/queries/figure-parts'
import { listDomainMeans, listGroupMeans } from '../../src/db/queries/group-means'
import {
  type FiguresByRound,
  listClosedRounds,
  type ResultsRound,
} from '../../src/db/queries/results'
import { groups } from '../../src/db/schema'
import { wholeMean } from '../../src/instruments/group-results'
import { type KeptGroup, withThresholds } from '../../src/instruments/results'
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

/**
 * threeRounds, with an executive and two more rounds: one at a threshold of 4 with Ward A as
 * before, Ward D with 3 people answering at the extreme (so that a mean holding them would show
 * it) and Ward B asked but silent; and the executive's consensus.
 */
async function fiveRounds() {
  const { db, organisationId, rounds, teams } = await threeRounds()
  const executive = { id: crypto.randomUUID(), name: 'Executive' }
  await db.insert(groups).values({
    ...executive,
    organisationId,
    kind: 'executive',
    createdAt: new Date().toISOString(),
  })
  const few = await createTeamRow(db, organisationId, 'Ward D')
  // A fourth round, at a threshold of 4: Ward A as before, Ward D with 3 people (below 4), extreme
  // so it would show, and Ward B asked but not answering.
  await closedRoundWith(db, organisationId, instrument, {
    name: 'Round 4',
    date: '2024-03-31',
    thresholds: { anonymityThreshold: 4 },
    groupIds: [teams.a.id, few.id, teams.b.id],
    responses: [
      ...Array.from({ length: 5 }, (_, r) => ({
        groupId: teams.a.id,
        answers: allAnswered(instrument, (r % 5) as 0 | 1 | 2 | 3 | 4),
      })),
      ...Array.from({ length: 3 }, () => ({
        groupId: few.id,
        answers: allAnswered(instrument, 4),
      })),
    ],
  })
  // A fifth: the executive's consensus.
  await closedRoundWith(db, organisationId, instrument, {
    name: 'Round 5',
    date: '2025-03-31',
    mode: 'consensus',
    responses: [{ groupId: executive.id, answers: allAnswered(instrument, 1) }],
  })
  const closed = await listClosedRounds(db, organisationId)
  expect(closed.map((r) => r.id).slice(0, 3)).toEqual(rounds)
  // Each round with its threshold, and every group's scores as kept: what the tests work from.
  const asked = withThresholds(closed)
  const scores = await roundFiguresPart(
    db,
    organisationId,
    asked.map((r) => r.id),
    'scores',
  )
  return { db, organisationId, rounds, teams, few, executive, closed, asked, scores }
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

  it('gives a workstream the mean of the teams shown, never a team below k, or the executive’s own where it was assessed', async () => {
    const { db, organisationId, teams, executive, closed, asked, scores } = await fiveRounds()
    const linked = instrument.domains.slice(1, 3).map((d) => d.key)
    // What the figures give, worked out here group by group with the rule of each figure.
    const expected = closed.map((round) => {
      const kept = scores.get(round.id) ?? new Map()
      const ofExecutive = kept.has(executive.id)
      const side = [...kept].filter(([id]) => (id === executive.id) === ofExecutive)
      const shown = side.filter(([, g]) => wholeMean(round, g, 'responses') !== null).length
      const means = linked.map((key) => {
        const each = side.flatMap(([, g]) => wholeMean(round, g, 'domain', key) ?? [])
        return each.length === 0 ? null : each.reduce((a, b) => a + b, 0) / each.length
      })
      return { executive: ofExecutive, shown, means }
    })
    expect(expected.map((e) => [e.executive, e.shown])).toEqual([
      [false, 2],
      [false, 3],
      [false, 2],
      [false, 1],
      [true, 1],
    ])
    // Read from the database, then again from what the server kept.
    for (const source of ['database', 'kept']) {
      const read = await listDomainMeans(db, organisationId, asked, linked, executive.id)
      const got = closed.map((round) => {
        const at = read.get(round.id)
        return {
          executive: at?.executive,
          shown: at?.shown,
          means: linked.map((key) => at?.means.get(key) ?? null),
        }
      })
      expect([source, got.length]).toEqual([source, expected.length])
      got.forEach((g, i) => {
        const want = expected[i]
        expect([g.executive, g.shown]).toEqual([want?.executive, want?.shown])
        g.means.forEach((m, j) => {
          expect(m).toBeCloseTo(want?.means[j] ?? Number.NaN, 10)
        })
      })
    }
    // Ward D's 3 people in round 4 add nothing: the mean there is Ward A's alone.
    const fourth = scores.get(closed[3]?.id ?? '')
    const wardA = linked.map((key) =>
      wholeMean(closed[3] as ResultsRound, fourth?.get(teams.a.id), 'domain', key),
    )
    const round4 = (await listDomainMeans(db, organisationId, asked, linked, executive.id)).get(
      closed[3]?.id ?? '',
    )
    expect(linked.map((key) => round4?.means.get(key))).toEqual(wardA)
    // Rounds enough for three statements, with every domain: each within D1's 100 parameters.
    const many = Array.from({ length: 100 }, () => ({ id: crypto.randomUUID(), threshold: 5 }))
    const allKeys = instrument.domains.map((d) => d.key)
    const none = await listDomainMeans(db, organisationId, many, allKeys, executive.id)
    expect(none.size).toBe(100)
    expect([...none.values()].every((m) => m.shown === 0 && m.means.size === 0)).toBe(true)
  })
})

describe('what closed rounds show of each group', () => {
  it('gives every group a round assessed, and each total and domain score only where k people stand behind it', async () => {
    const { db, organisationId, teams, few, executive, closed, asked, scores } = await fiveRounds()
    const keys = instrument.domains.map((d) => d.key)
    // What the figures give, worked out here group by group with the rule of each figure.
    const shownOf = (
      round: ResultsRound,
      kept: Map<string, KeptGroup>,
      kind: 'total' | 'domain',
      key = '',
    ) =>
      [...kept]
        .flatMap(([id, g]) => {
          const mean = wholeMean(round, g, kind, key)
          return mean === null ? [] : [[id, mean] as const]
        })
        .sort()
    const expected = closed.map((round) => {
      const kept = new Map(scores.get(round.id) ?? [])
      return {
        assessed: [...kept.keys()].sort(),
        total: shownOf(round, kept, 'total'),
        domains: keys.map((key) => shownOf(round, kept, 'domain', key)),
      }
    })
    // Round 4 asked Wards A, B and D; only Ward A's 5 show. Round 5 is the executive's consensus.
    expect(expected[3]?.assessed).toEqual([teams.a.id, teams.b.id, few.id].sort())
    expect(expected[3]?.total.map(([id]) => id)).toEqual([teams.a.id])
    expect(expected[4]?.total.map(([id]) => id)).toEqual([executive.id])
    for (const source of ['database', 'kept']) {
      const read = await listGroupMeans(db, organisationId, asked, keys)
      const got = closed.map((round) => {
        const at = read.get(round.id)
        return {
          assessed: [...(at?.assessed ?? [])].sort(),
          total: [...(at?.total ?? [])].sort(),
          domains: keys.map((key) => [...(at?.domains.get(key) ?? [])].sort()),
        }
      })
      expect([source, got]).toEqual([source, expected])
    }
    // Rounds enough for several statements, with every domain: each within D1's 100 parameters.
    const many = Array.from({ length: 100 }, (_, i) => ({
      id: crypto.randomUUID(),
      threshold: 3 + (i % 3),
    }))
    const none = await listGroupMeans(db, organisationId, many, keys)
    expect(none.size).toBe(100)
    expect([...none.values()].every((m) => m.assessed.size === 0 && m.total.size === 0)).toBe(true)
  })
})
