import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { getExecutiveGroup } from '../../src/db/queries/organisations'
import { listClosedRounds } from '../../src/db/queries/results'
import {
  createPerson,
  createTeamRow,
  knownPassword,
  orgInstrument,
  teamInstrument,
} from '../helpers/factories'
import { allAnswered, closedRoundWith, twoWards } from '../helpers/results'
import { setUpAndSignIn, signInAs } from '../helpers/signed-in'
import { tableRows } from '../helpers/tables'

const team = teamInstrument()

const withoutIds = (html: string) => html.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID')

describe('results overview', () => {
  it('shows a team with enough responses and “fewer than 5” for one without, never its score', async () => {
    const h = await twoWards(await freshHarness())
    const page = await (await h.get('/results')).text()
    expect(page).toContain('Teams by domain, Spring 2025')
    // Ward A: mean of 4,4,5,3,4,4 on AGREE5 = 4 → 75 on 0–100, in every domain and the total.
    expect(page).toMatch(/Ward A<\/a><\/td><td class="app-heat-3">75<\/td>/)
    expect(page).toMatch(/Ward B<\/a><\/td><td class="app-heat-none">fewer than 5<\/td>/)
    expect(page).not.toContain('>25<')
  })

  it('gives the same pages whatever the suppressed team answered, so nothing can recover it', async () => {
    // One harness at a time: on D1 every harness shares, and empties, the same database.
    const pages = async (bValue: 1 | 5) => {
      const h = await twoWards(await freshHarness(), bValue)
      const paths = ['/results', '/results?type=community', `/results/teams/${h.b.id}`]
      return Promise.all(paths.map(async (path) => withoutIds(await (await h.get(path)).text())))
    }
    const low = await pages(1)
    const high = await pages(5)
    expect(low[0]).toContain('fewer than 5')
    expect(low).toEqual(high)
  })

  it('answers 20 first requests at once with the very page one request alone gets', async () => {
    const h = await twoWards(await freshHarness())
    await closedRoundWith(h.db, h.organisation.id, team, {
      name: 'Autumn 2025',
      date: '2025-09-30',
      responses: [5, 5, 4, 5, 5].map((v) => ({ groupId: h.a.id, answers: allAnswered(team, v) })),
    })
    const [spring, autumn] = await listClosedRounds(h.db, h.organisation.id)
    // The later round first: the comparison puts them in date order (rule 12).
    for (const [path, shows] of [
      ['/results', 'Teams by domain, Autumn 2025'],
      [`/results/compare?from=${autumn?.id}&to=${spring?.id}`, '95% interval'],
    ] as const) {
      const atOnce = await Promise.all(
        Array.from({ length: 20 }, async () => (await h.get(path)).text()),
      )
      const alone = await (await h.get(path)).text()
      expect([path, new Set(atOnce).size, atOnce[0] === alone]).toEqual([path, 1, true])
      expect(alone).toContain(shows)
    }
  })
})

describe('team results', () => {
  it('shows the team over time, its questions, and the executive’s view beside it', async () => {
    const h = await twoWards(await freshHarness())
    const executive = (await h.db.query.groups.findMany()).find((g) => g.kind === 'executive')
    const exec = orgInstrument()
    await closedRoundWith(h.db, h.organisation.id, exec, {
      name: 'Board 2025',
      date: '2025-03-01',
      mode: 'consensus',
      responses: [
        { groupId: executive?.id ?? '', perspective: 'executive', answers: allAnswered(exec, 3) },
      ],
    })
    const page = await (await h.get(`/results/teams/${h.a.id}`)).text()
    expect(page).toContain('6 responses')
    expect(page).toContain('executive round: Board 2025')
    // The executive rates every item 3 of 0–3 (100); the team 75: a gap of +25 in each domain.
    expect(page.match(/>\+25</g)?.length).toBe(team.domains.length)
    const wording = team.items[0]?.text.staff ?? ''
    const cell = (text: string) =>
      `<td class="nhsuk-table__cell nhsuk-table__cell--numeric">${text}</td>`
    expect(page).toContain(`${wording}</td>${cell('6')}${cell('75')}`)
    const hidden = await (await h.get(`/results/teams/${h.b.id}`)).text()
    expect(hidden).toContain('Fewer than 5 responses: no scores are shown')
    expect(hidden).toContain(`${wording}</td>${cell('fewer than 5')}${cell('fewer than 5')}`)
    expect(hidden).not.toMatch(/>25</)
  })

  it('keeps a three-priority action plan and its review at the next round, audited', async () => {
    const h = await twoWards(await freshHarness())
    const path = `/results/teams/${h.a.id}`
    const missing = await h.post(`${path}/plan`, {
      rank: '1',
      focus: '',
      actions: '',
      owner: '',
      dueOn: '',
    })
    expect(missing.status).toBe(422)
    expect(await missing.text()).toContain('Choose a domain or question to work on')
    const added = await h.post(`${path}/plan`, {
      rank: '1',
      focus: 'D08',
      actions: 'Recruit two peer support workers',
      owner: 'Ward manager',
      dueOn: '2025-09-30',
    })
    expect(added.status).toBe(303)
    const page = await (await h.get(path)).text()
    expect(page).toContain('Recruit two peer support workers')
    await closedRoundWith(h.db, h.organisation.id, team, {
      name: 'Autumn 2025',
      date: '2025-10-31',
      responses: [4, 4, 5, 5, 4].map((v) => ({ groupId: h.a.id, answers: allAnswered(team, v) })),
    })
    const next = await (await h.get(path)).text()
    expect(next).toContain('Review of the plan after Spring 2025')
    const id = /plan\/([0-9a-f-]{36})\/review/.exec(next)?.[1]
    expect(
      (await h.post(`${path}/plan/${id}/review`, { status: 'done', review: 'Both in post' }))
        .status,
    ).toBe(303)
    expect(await (await h.get(path)).text()).toContain('Done: Both in post')
  })
})

describe('individual rounds and series over time', () => {
  it('exports an individual round as FHIR MeasureReports, a group under the threshold masked whatever it answered', async () => {
    const exported = async (bValue: 1 | 5) => {
      const h = await twoWards(await freshHarness(), bValue)
      const [round] = await h.db.query.rounds.findMany()
      expect((await h.get(`/results/export/consensus.json?round=${round?.id}`)).status).toBe(404)
      const res = await h.get(`/results/export/measure-reports.json?round=${round?.id}`)
      expect(res.headers.get('Content-Type')).toContain('application/fhir+json')
      const audited = (await h.db.query.auditLog.findMany()).filter(
        (a) => a.action === 'results.exported',
      )
      expect(audited).toHaveLength(1)
      const roundPage = await (await h.get(`/rounds/${round?.id}`)).text()
      expect(roundPage).toContain(`/results/export/measure-reports.json?round=${round?.id}`)
      return (await res.text()) as string
    }
    const low = await exported(1)
    expect(withoutIds(low)).toBe(withoutIds(await exported(5)))
    const bundle = JSON.parse(low) as {
      entry: {
        resource: {
          resourceType: string
          subject: { display: string }
          group: {
            code: { coding: { code: string }[] }
            measureScore: { value?: number; extension?: { valueCode: string }[] }
            population?: { count: number }[]
          }[]
        }
      }[]
    }
    const byGroup = new Map(bundle.entry.map((e) => [e.resource.subject.display, e.resource]))
    const wardA = byGroup.get('Ward A')
    const wardB = byGroup.get('Ward B')
    // Ward A: mean of 4,4,5,3,4,4 on AGREE5 = 4 → 75 on 0–100, from its six people.
    const total = wardA?.group.find((g) => g.code.coding[0]?.code === 'total')
    expect(total?.measureScore.value).toBe(75)
    expect(total?.population?.[0]?.count).toBe(6)
    expect(wardB?.group.length).toBeGreaterThan(0)
    for (const group of wardB?.group ?? []) {
      expect(group.measureScore.value).toBeUndefined()
      expect(group.population).toBeUndefined()
      expect(group.measureScore.extension?.[0]?.valueCode).toBe('masked')
    }
  })

  it('plots two rounds in one half-year as two points, and marks where the teams behind the average change', async () => {
    const h = await twoWards(await freshHarness())
    const c = await createTeamRow(h.db, h.organisation.id, 'Ward C')
    await closedRoundWith(h.db, h.organisation.id, team, {
      name: 'Early summer 2025',
      date: '2025-05-31',
      responses: [
        ...[5, 5, 5, 5, 5].map((v) => ({ groupId: h.a.id, answers: allAnswered(team, v) })),
        ...[3, 3, 3, 3, 3].map((v) => ({ groupId: c.id, answers: allAnswered(team, v) })),
      ],
    })
    const rows = tableRows(
      await (await h.get('/results')).text(),
      'Executive and team totals, round by round',
    )
    expect(rows?.map((r) => r[0])).toEqual([
      'Spring 2025 (31 March 2025)',
      'Early summer 2025 (31 May 2025)',
    ])
    // Spring: Ward A only (75). Early summer: Ward A (100) and Ward C (50), a new set of teams.
    expect(rows?.map((r) => r[2])).toEqual(['75', '75'])
    expect(rows?.map((r) => r.at(-1))).toEqual([
      '1',
      '2 (a different set of teams from the point before)',
    ])
  })
})

describe('the report of a round', () => {
  it('pairs a round of the executive alone with the teams’ nearest round, and says which', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const a = await createTeamRow(h.db, h.organisation.id, 'Ward A')
    const executive = await getExecutiveGroup(h.db, h.organisation.id)
    const six = (groupId: string, instrument: typeof team, v: 1 | 2 | 3 | 4 | 5 | 0) =>
      Array.from({ length: 6 }, () => ({ groupId, answers: allAnswered(instrument, v) }))
    for (const [name, date, v] of [
      ['Teams 2024', '2024-03-31', 2],
      ['Teams 2025', '2025-03-31', 4],
    ] as const)
      await closedRoundWith(h.db, h.organisation.id, team, {
        name,
        date,
        responses: six(a.id, team, v),
      })
    const exec = orgInstrument()
    await closedRoundWith(h.db, h.organisation.id, exec, {
      name: 'Board 2025',
      date: '2025-04-30',
      mode: 'consensus',
      responses: [
        { groupId: executive?.id ?? '', perspective: 'executive', answers: allAnswered(exec, 2) },
      ],
    })
    const rounds = await listClosedRounds(h.db, h.organisation.id)
    const board = rounds.find((r) => r.name === 'Board 2025')
    const report = await (await h.get(`/results/report?round=${board?.id}`)).text()
    expect(report).toContain('This round assessed the executive only')
    expect(report).toContain('The teams’ figures below are from Teams 2025')
    expect(report).toContain('Teams: Teams 2024 to Teams 2025')
    // The gap table: the executive's 2 on STAGE4 is 66.7; the teams' 4 on AGREE5 is 75.
    const gaps = tableRows(report, 'The executive’s view (Board 2025) against the teams’')
    expect(gaps?.[0]).toEqual(['Everyday interactions', '67', '75', '−8', '75–75 (1 team)'])
    expect(report).toContain('board report')
  })

  it('titles a team lead’s report as theirs, not the board’s', async () => {
    const h = await twoWards(await freshHarness())
    await createPerson(h.db, h.organisation.id, {
      email: 'lead@northmoor.example',
      grants: [{ role: 'team-lead', groupId: h.a.id }],
    })
    const lead = await signInAs(h, 'lead@northmoor.example', knownPassword)
    const [round] = await listClosedRounds(h.db, h.organisation.id)
    const report = await (await lead.get(`/results/report?round=${round?.id}`)).text()
    expect(report).toContain('report for the teams you lead')
    expect(report).toContain('<title>Report for your teams: Spring 2025')
    expect(report).not.toContain('board report')
    expect(report).not.toContain('Ward B')
    expect(await (await lead.get('/rounds')).text()).not.toContain('Import earlier rounds')
    expect(await (await h.get('/rounds')).text()).toContain('Import earlier rounds')
  })
})
