import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import {
  answers,
  groups,
  itemAggregates,
  responses,
  roundGroups,
  rounds,
  scoreAggregates,
} from '../../src/db/schema'
import { createTeamRow, orgInstrument, teamInstrument } from '../helpers/factories'
import { setUpAndSignIn } from '../helpers/signed-in'

const header = 'round_name,round_date,group,perspective,mode,respondent,linkId,value'
const csv = (rows: string[]) => `\uFEFF${[header, ...rows].join('\r\n')}\r\n`

/** Three staff of Ward 3 answering every item, and the ward's consensus a year later. */
function validRows() {
  const items = teamInstrument().items
  const rows: string[] = []
  for (const [who, value] of [
    ['Alice', '4'],
    ['Bob', '2'],
    ['Chidi', 'DK'],
  ] as const) {
    for (const item of items)
      rows.push(
        `"Spring 2024, paper",31/03/2024,Ward 3,staff,individual,${who},${item.linkId},${value}`,
      )
  }
  for (const item of items)
    rows.push(`Spring 2025,2025-03-31,"Ward 3",staff,consensus,consensus,${item.linkId},3`)
  return rows
}

async function setUp() {
  const h = await setUpAndSignIn(await freshHarness())
  await createTeamRow(h.db, h.organisation.id, 'Ward 3')
  const upload = (
    content: string,
    fields: Record<string, string | string[]> = { instrument: 'team-recovery-focus@1' },
    path = '/rounds/import',
  ) => h.upload(path, { name: 'history.csv', content }, fields)
  return { ...h, upload }
}

describe('importing earlier rounds', () => {
  it('makes closed rounds with scored responses from a spreadsheet’s CSV, keeping no respondent labels', async () => {
    const h = await setUp()
    const res = await h.upload(csv(validRows()))
    expect(res.status).toBe(303)
    const stored = await h.db.select().from(rounds)
    expect(stored.map((r) => [r.name, r.status, r.mode, r.opensOn]).sort()).toEqual([
      ['Spring 2024, paper', 'closed', 'individual', '2024-03-31'],
      ['Spring 2025', 'closed', 'consensus', '2025-03-31'],
    ])
    const all = await h.db.select().from(responses)
    expect(all).toHaveLength(4)
    expect(all.every((r) => r.status === 'completed')).toBe(true)
    expect(JSON.stringify(all)).not.toMatch(/Alice|Bob|Chidi/)
    const paper = stored.find((r) => r.mode === 'individual')
    const [t01] = await h.db
      .select()
      .from(itemAggregates)
      .where(eq(itemAggregates.roundId, paper?.id ?? ''))
    expect(t01).toMatchObject({ n: 2, sum: 6, sumOfSquares: 20, dkCount: 1 })
    const totals = await h.db
      .select()
      .from(scoreAggregates)
      .where(eq(scoreAggregates.measure, 'total'))
    expect(totals.map((t) => t.n).sort()).toEqual([1, 2])
    expect((await h.get('/rounds')).status).toBe(200)
    const again = await h.upload(csv(validRows()))
    expect(again.status).toBe(422)
    expect(await again.text()).toContain('already exists')
    expect(await h.db.select().from(responses)).toHaveLength(4)
  })

  it('lists all five faults of a file by row and column and stores nothing', async () => {
    const h = await setUp()
    const rows = [
      'Spring 2024,2024-03-31,Ward 3,staff,individual,A,T01,4',
      'Spring 2024,2024-03-31,Ward 9,staff,individual,A,T02,4',
      'Spring 2024,2024-03-31,Ward 3,staff,individual,A,T99,4',
      'Spring 2024,2024-03-31,Ward 3,staff,individual,A,T03,7',
      'Spring 2024,2024-03-31,Ward 3,staff,consensus,consensus,T04,3',
      'Spring 2024,2024-03-31,Ward 3,staff,individual,A,T01,5',
    ]
    const res = await h.upload(csv(rows))
    expect(res.status).toBe(422)
    const page = await res.text()
    expect(page).toContain('5 problems of 5 kinds; nothing was imported')
    const places = [...page.matchAll(/Column (\w+), row (\d+)</g)].map((m) => `${m[2]}:${m[1]}`)
    expect(places.sort()).toEqual(['3:group', '4:linkId', '5:value', '6:mode', '7:linkId'])
    expect(page).toContain('There is no group called “Ward 9”')
    expect(page).toContain('has no question T99')
    expect(page).toContain('“7” is not an answer to T03')
    expect(page).toContain('a round has one mode')
    expect(page).toContain('The same answer appears twice')
    expect(await h.db.select().from(rounds)).toHaveLength(0)
    expect(await h.db.select().from(answers)).toHaveLength(0)
  })

  it('summarises thousands of problems by kind with the first rows of each, and downloads them all', async () => {
    const h = await setUp()
    const items = teamInstrument().items
    const rows = Array.from({ length: 40 }, (_, r) =>
      items.map(
        (item) =>
          `Spring 2024,2024-03-31,Ward ${9 + (r % 3)},staff,individual,P${r},${item.linkId},4`,
      ),
    ).flat()
    const res = await h.upload(csv(rows))
    const page = await res.text()
    expect(page).toContain(`${(40 * items.length).toLocaleString('en-GB')} problems of 3 kinds`)
    // Ward 9 is on rows 2 to 25 (person 0), 74 to 97 (person 3), …: 14 people × 24 rows.
    expect(page).toContain(
      `Column group, rows 2, 3, 4, 5, 6 and ${(14 * items.length - 5).toLocaleString('en-GB')} more`,
    )
    expect(page).not.toContain('undefined')
    const download = await h.upload(
      csv(rows),
      { instrument: 'team-recovery-focus@1' },
      '/rounds/import/problems.csv',
    )
    expect(download.headers.get('Content-Type')).toContain('text/csv')
    const lines = (await download.text()).trim().split('\r\n')
    expect(lines[0]).toBe('row,column,problem')
    expect(lines).toHaveLength(1 + 40 * items.length)
    expect(await h.db.select().from(rounds)).toHaveLength(0)
  })

  it('offers to make the teams a file names that do not exist, and makes only those confirmed, with the import', async () => {
    const h = await setUp()
    const items = teamInstrument().items
    const rows = ['Ward 9', 'Ward 10', 'Ward 3']
      .flatMap((ward) =>
        Array.from({ length: 5 }, (_, p) =>
          items.map(
            (item) =>
              `Spring 2024,2024-03-31,${ward},staff,individual,${ward}-${p},${item.linkId},4`,
          ),
        ),
      )
      .flat()
    const offered = await (await h.upload(csv(rows))).text()
    expect(offered).toContain('Make the 2 teams the file names that do not exist?')
    expect(offered).toContain('value="Ward 9" checked')
    expect(offered).toContain('value="Ward 10" checked')
    // Only one confirmed: the other is still a problem, and nothing at all is made.
    const half = await h.upload(csv(rows), {
      instrument: 'team-recovery-focus@1',
      createTeams: 'Ward 9',
    })
    expect(half.status).toBe(422)
    expect(await h.db.select().from(groups).where(eq(groups.name, 'Ward 9'))).toEqual([])
    const both = await h.upload(csv(rows), {
      instrument: 'team-recovery-focus@1',
      createTeams: ['Ward 9', 'Ward 10'],
      anonymityThreshold: '3',
      commentThreshold: '6',
    })
    expect(both.status).toBe(303)
    const made = await h.db.select().from(groups).where(eq(groups.teamType, 'other'))
    expect(made.map((g) => g.name).sort()).toEqual(['Ward 10', 'Ward 9'])
    const [round] = await h.db.select().from(rounds)
    expect(round).toMatchObject({ anonymityThreshold: 3, commentThreshold: 6, status: 'closed' })
    const teams = await h.db
      .select({ name: groups.name })
      .from(roundGroups)
      .innerJoin(groups, eq(groups.id, roundGroups.groupId))
    expect(teams.map((t) => t.name).sort()).toEqual(['Ward 10', 'Ward 3', 'Ward 9'])
    const below = await h.upload(csv(rows), {
      instrument: 'team-recovery-focus@1',
      anonymityThreshold: '2',
    })
    expect(await below.text()).toContain('The fewest responses for results must be at least 3')
  })

  it('takes rounds of several questionnaires from one file by an instrument column, names shared across them', async () => {
    const h = await setUp()
    const exec = orgInstrument()
    const header2 = `${header},instrument`
    const rows = [
      ...validRows()
        .filter((row) => row.includes('Spring 2025'))
        .map((row) => `${row},team-recovery-focus@1`),
      ...exec.items.map(
        (item) =>
          `Spring 2025,2025-03-31,Executive team,executive,consensus,consensus,${item.linkId},2,org-recovery-exec@1`,
      ),
    ]
    const file = `${[header2, ...rows].join('\r\n')}\r\n`
    const res = await h.upload(file, {})
    expect(res.status).toBe(303)
    const stored = await h.db.select().from(rounds)
    expect(stored.map((r) => [r.name, r.instrumentSlug, r.mode]).sort()).toEqual([
      ['Spring 2025', 'org-recovery-exec', 'consensus'],
      ['Spring 2025', 'team-recovery-focus', 'consensus'],
    ])
    // The same file again: each round already held, of its own questionnaire.
    const again = await (await h.upload(file, {})).text()
    expect(again).toContain('A round called “Spring 2025” of Team recovery focus already exists')
    expect(again).toContain('already exists')
    const unnamed = await (await h.upload(csv(validRows()), {})).text()
    expect(unnamed).toContain(
      'Choose the questionnaire on the form, or name it in an instrument column',
    )
    const wrong = await (
      await h.upload(
        `${header2}\r\n${rows[0]?.replace('team-recovery-focus@1', 'phq-9@1')}\r\n`,
        {},
      )
    ).text()
    expect(wrong).toContain('There is no published questionnaire “phq-9@1”')
    expect(await h.db.select().from(rounds)).toHaveLength(2)
  })

  it('names the missing columns of a file without the right header', async () => {
    const h = await setUp()
    const res = await h.upload('round,date,value\r\nx,y,z\r\n')
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('The header row has no column round_name')
  })
})
