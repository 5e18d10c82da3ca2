import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { csvText } from '../../src/instruments/csv-table'
import { manualClock } from '../helpers/clock'
import { createTeamRow, teamInstrument, validRound } from '../helpers/factories'
import { allAnswered, closedRoundWith } from '../helpers/results'
import { madeLinks, setUpAndSignIn } from '../helpers/signed-in'

const team = teamInstrument()

/** Names a spreadsheet would run as formulas if they were written as they are. */
const hostile = [
  '=HYPERLINK("http://evil.example","Ward")',
  '+SUM(1,2)',
  '-2+3',
  '@SUM(1)',
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
]

/**
 * Whether a spreadsheet opening this cell would take it for a formula: it starts with one of the
 * characters that begin one (a negative number is read as a number, not a formula).
 */
const startsFormula = (cell: string) =>
  /^[=+@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ||
  (cell.startsWith('-') && !/^-\d+(\.\d+)?$/.test(cell))

/** Every cell of a CSV body, as a spreadsheet splits it. */
const cellsOf = (body: string) => Papa.parse<string[]>(body.trim()).data.flat()

describe('CSV downloads opened in a spreadsheet', () => {
  it('writes a text cell that would start a formula with an apostrophe before it, and numbers as numbers', () => {
    const body = csvText(['name', 'value'], [...hostile.map((name) => [name, -3]), ['Ward 1', 0]])
    const cells = cellsOf(body)
    expect(cells.filter(startsFormula)).toEqual([])
    for (const name of hostile) expect(cells).toContain(`'${name}`)
    expect(cells).toContain('-3')
    expect(cells).toContain('Ward 1')
  })

  it('starts no cell of any export with a formula, whatever teams and rounds are called', async () => {
    const h = await setUpAndSignIn(
      await freshHarness({ now: manualClock(Date.UTC(2027, 2, 2, 9)).now }),
    )
    const teams = []
    for (const name of hostile) teams.push(await createTeamRow(h.db, h.organisation.id, name))
    await closedRoundWith(h.db, h.organisation.id, team, {
      name: '=cmd|"/c calc"!A1',
      date: '2026-10-01',
      responses: teams.flatMap((t) =>
        [3, 4, 4, 5, 3].map((v) => ({ groupId: t.id, answers: allAnswered(team, v) })),
      ),
    })
    const [round] = await h.db.query.rounds.findMany()
    const bodies = [
      await (await h.get(`/results/export/answers.csv?round=${round?.id}`)).text(),
      await (await h.get(`/results/export/summary.csv?round=${round?.id}`)).text(),
    ]
    const opened = await h.post(
      '/rounds/new',
      validRound(
        teams.map((t) => t.id),
        { name: '@SUM(A1:A9)', perspectives: ['staff'] },
      ),
    )
    const path = opened.headers.get('Location') ?? ''
    expect((await h.post(`${path}/open`)).status).toBe(303)
    const { kept } = await madeLinks(h, path, {
      groupId: teams[0]?.id ?? '',
      perspective: 'staff',
      count: '2',
    })
    bodies.push(await (await h.get(`${kept}/csv`)).text())
    for (const body of bodies) {
      const cells = cellsOf(body)
      expect(cells.length).toBeGreaterThan(4)
      expect(cells.filter(startsFormula)).toEqual([])
    }
    const all = bodies.flatMap(cellsOf)
    for (const name of [...hostile, '=cmd|"/c calc"!A1', '@SUM(A1:A9)'])
      expect(all).toContain(`'${name}`)
  })
})
