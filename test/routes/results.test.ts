import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { createTeamRow, teamInstrument } from '../helpers/factories'
import { allAnswered, closedRoundWith } from '../helpers/results'
import { setUpAndSignIn } from '../helpers/signed-in'

const team = teamInstrument()

/** Ward A with six responses and Ward B with three (k = 5), at one closed round. */
async function twoWards(bValue: 1 | 2 | 3 | 4 | 5 = 2) {
  const h = await setUpAndSignIn(await freshHarness())
  const a = await createTeamRow(h.db, h.organisation.id, 'Ward A')
  const b = await createTeamRow(h.db, h.organisation.id, 'Ward B')
  await closedRoundWith(h.db, h.organisation.id, team, {
    name: 'Spring 2025',
    date: '2025-03-31',
    responses: [
      ...[4, 4, 5, 3, 4, 4].map((v) => ({ groupId: a.id, answers: allAnswered(team, v) })),
      ...[1, 2, 3].map(() => ({ groupId: b.id, answers: allAnswered(team, bValue) })),
    ],
  })
  return { ...h, a, b }
}

const withoutIds = (html: string) => html.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID')

describe('results overview', () => {
  it('shows a team with enough responses and “fewer than 5” for one without, never its score', async () => {
    const h = await twoWards()
    const page = await (await h.get('/results')).text()
    expect(page).toContain('Teams by domain, Spring 2025')
    // Ward A: mean of 4,4,5,3,4,4 on AGREE5 = 4 → 75 on 0–100, in every domain and the total.
    expect(page).toMatch(/Ward A<\/a><\/td><td[^>]*><span class="app-heat app-heat-3">75<\/span>/)
    expect(page).toMatch(
      /Ward B<\/a><\/td><td[^>]*><span class="app-heat app-heat-none">fewer than 5<\/span>/,
    )
    expect(page).not.toContain('>25<')
  })

  it('gives the same pages whatever the suppressed team answered, so nothing can recover it', async () => {
    const low = await twoWards(1)
    const high = await twoWards(5)
    for (const path of ['/results', '/results?type=community']) {
      const one = withoutIds(await (await low.get(path)).text())
      const other = withoutIds(await (await high.get(path)).text())
      expect(one).toBe(other)
    }
  })
})
