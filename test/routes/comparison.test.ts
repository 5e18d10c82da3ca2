import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { listClosedRounds } from '../../src/db/queries/results'
import { groups } from '../../src/db/schema'
import { createTeamRow, orgInstrument, teamInstrument } from '../helpers/factories'
import { allAnswered, closedRoundWith } from '../helpers/results'
import { setUpAndSignIn } from '../helpers/signed-in'

const team = teamInstrument()
const exec = orgInstrument()

/** Each team's respondents, each answering every item alike, at the two rounds. */
const teams = [
  {
    name: 'Team 1',
    before: [3, 3, 3, 3, 2, 4, 3, 3],
    after: [5, 5, 4, 5, 5, 4, 5, 5],
    outcome: 'improved',
  },
  {
    name: 'Team 2',
    before: [2, 3, 2, 3, 2, 3, 2, 3],
    after: [4, 4, 3, 4, 4, 3, 4, 4],
    outcome: 'improved',
  },
  {
    name: 'Team 3',
    before: [3, 4, 3, 4, 3, 4, 3, 4],
    after: [3, 4, 3, 4, 3, 4, 3, 4],
    outcome: 'no reliable change',
  },
  {
    name: 'Team 4',
    before: [3, 3, 3, 3, 4, 4],
    after: [3, 3, 4, 3, 4, 4],
    outcome: 'no reliable change',
  },
  { name: 'Team 5', before: [4, 4, 5, 4, 4, 5], after: [2, 2, 3, 2, 2, 3], outcome: 'fell' },
  { name: 'Team 6', before: [5, 5, 5, 4, 5, 4], after: [3, 3, 4, 3, 3, 3], outcome: 'fell' },
] as const

describe('comparing two rounds', () => {
  it('rebuilds an evaluation from raw data: 19 of 35 executive measures improved, and each team’s change by rule 9', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const executive = (await h.db.query.groups.findMany()).find((g) => g.kind === 'executive')
    const rating = (i: number) => (i < 19 ? 2 : i < 31 ? 1 : 0)
    for (const [name, date, value] of [
      ['Board 2024', '2024-03-01', () => 1],
      ['Board 2025', '2025-03-01', rating],
    ] as const) {
      await closedRoundWith(h.db, h.organisation.id, exec, {
        name,
        date,
        mode: 'consensus',
        responses: [
          {
            groupId: executive?.id ?? '',
            perspective: 'executive',
            answers: Object.fromEntries(exec.items.map((item, i) => [item.linkId, value(i)])),
          },
        ],
      })
    }
    const rows = []
    for (const t of teams)
      rows.push({ ...t, id: (await createTeamRow(h.db, h.organisation.id, t.name)).id })
    const small = await createTeamRow(h.db, h.organisation.id, 'Team 7')
    for (const [name, date, side] of [
      ['Teams 2024', '2024-04-01', 'before'],
      ['Teams 2025', '2025-04-01', 'after'],
    ] as const) {
      await closedRoundWith(h.db, h.organisation.id, team, {
        name,
        date,
        responses: [
          ...rows.flatMap((t) =>
            t[side].map((v) => ({ groupId: t.id, answers: allAnswered(team, v) })),
          ),
          ...[3, 4, 5].map((v) => ({ groupId: small.id, answers: allAnswered(team, v) })),
        ],
      })
    }
    const rounds = new Map(
      (await listClosedRounds(h.db, h.organisation.id)).map((r) => [r.name, r.id] as const),
    )
    const board = await (
      await h.get(
        `/results/compare?from=${rounds.get('Board 2024')}&to=${rounds.get('Board 2025')}`,
      )
    ).text()
    expect(board).toContain('19 improved, 12 unchanged, 4 declined, 0 excluded (of 35 questions)')
    expect(board).toContain('when the agreed rating moved by at least one level')
    expect(board).toMatch(/19 questions rose, 4 fell, sign test p = 0\.003\): improved/)
    const page = await (
      await h.get(
        `/results/compare?from=${rounds.get('Teams 2024')}&to=${rounds.get('Teams 2025')}`,
      )
    ).text()
    for (const t of teams)
      expect(page).toMatch(
        new RegExp(
          `>${t.name}</td>(<td[^>]*>[^<]*</td>)<td[^>]*>\\d+ → \\d+ \\(change [^)]*95% interval[^)]*\\): ${t.outcome}<`,
        ),
      )
    expect(page).toContain(
      'Teams’ totals: 2 improved, 2 no reliable change, 2 fell; 1 not compared (fewer than 5 responses at one of the rounds).',
    )
    expect(page).toContain('Not compared: fewer than 5 responses at one of the rounds')
    expect(page).toContain('its 95% interval (Welch’s t, from the spread of respondents’ totals)')
    const reversed = await (
      await h.get(
        `/results/compare?from=${rounds.get('Teams 2025')}&to=${rounds.get('Teams 2024')}`,
      )
    ).text()
    expect(reversed).toContain(
      'Teams 2024 came before Teams 2025, so they are compared in that order',
    )
    for (const t of teams)
      expect(reversed).toMatch(
        new RegExp(
          `>${t.name}</td>(<td[^>]*>[^<]*</td>)<td[^>]*>\\d+ → \\d+ \\(change [^)]*\\): ${t.outcome}<`,
        ),
      )
    // A comparison is worked out once and kept; a team's name is not part of it.
    await h.db
      .update(groups)
      .set({ name: 'Team 1 renamed' })
      .where(eq(groups.id, rows[0]?.id ?? ''))
    const renamed = await (
      await h.get(
        `/results/compare?from=${rounds.get('Teams 2024')}&to=${rounds.get('Teams 2025')}`,
      )
    ).text()
    expect(renamed).toMatch(
      />Team 1 renamed<\/td>(<td[^>]*>[^<]*<\/td>)<td[^>]*>\d+ → \d+ \(change [^)]*\): improved</,
    )
    expect(renamed.replace(/<[^>]+>/g, ' ')).toContain(
      'Teams’ totals: 2 improved, 2 no reliable change, 2 fell; 1 not compared',
    )
    const mixed = await (
      await h.get(
        `/results/compare?from=${rounds.get('Board 2024')}&to=${rounds.get('Teams 2025')}`,
      )
    ).text()
    expect(mixed).toContain('used different questionnaires, so they cannot be compared')
    const report = await (await h.get(`/results/report?round=${rounds.get('Teams 2025')}`)).text()
    expect(report).toContain('Executive: Board 2024 to Board 2025')
    expect(report).toContain('19 improved, 12 unchanged, 4 declined, 0 excluded (of 35 questions)')
    expect(report).toContain(
      'Teams’ totals: 2 improved, 2 no reliable change, 2 fell; 1 not compared (fewer than 5 responses at one of the rounds).',
    )
    expect(report).toContain('The executive’s view (Board 2025) against the teams’')
    expect(report).toMatch(/Team 7<\/a><\/td><td class="app-heat-none">fewer than 5</)
  })
})
