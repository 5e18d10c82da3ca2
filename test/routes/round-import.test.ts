import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { answers, itemAggregates, responses, rounds, scoreAggregates } from '../../src/db/schema'
import { createTeamRow, teamInstrument } from '../helpers/factories'
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
  const upload = (content: string) =>
    h.upload(
      '/rounds/import',
      { name: 'history.csv', content },
      { instrument: 'team-recovery-focus@1' },
    )
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
    expect(page).toContain('5 problems found; nothing was imported')
    const cells = [
      ...page.matchAll(
        /<tr class="nhsuk-table__row"><td[^>]*>(\d+)<\/td><td[^>]*>([a-zA-Z_]+)<\/td>/g,
      ),
    ].map((m) => `${m[1]}:${m[2]}`)
    expect(cells).toEqual(['3:group', '4:linkId', '5:value', '6:mode', '7:linkId'])
    expect(page).toContain('There is no group called “Ward 9”')
    expect(page).toContain('has no question T99')
    expect(page).toContain('“7” is not an answer to T03')
    expect(page).toContain('a round has one mode')
    expect(page).toContain('The same answer appears twice')
    expect(await h.db.select().from(rounds)).toHaveLength(0)
    expect(await h.db.select().from(answers)).toHaveLength(0)
  })

  it('names the missing columns of a file without the right header', async () => {
    const h = await setUp()
    const res = await h.upload('round,date,value\r\nx,y,z\r\n')
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('The header row has no column round_name')
  })
})
