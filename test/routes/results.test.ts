import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { getExecutiveGroup } from '../../src/db/queries/organisations'
import { listClosedRounds } from '../../src/db/queries/results'
import {
  createOrganisation,
  createPerson,
  createTeamRow,
  knownPassword,
  orgInstrument,
  teamInstrument,
} from '../helpers/factories'
import { allAnswered, closedRoundWith } from '../helpers/results'
import { setUpAndSignIn, signInAs } from '../helpers/signed-in'
import { tableRows } from '../helpers/tables'

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
    expect(page).toMatch(/Ward A<\/a><\/td><td class="app-heat-3">75<\/td>/)
    expect(page).toMatch(/Ward B<\/a><\/td><td class="app-heat-none">fewer than 5<\/td>/)
    expect(page).not.toContain('>25<')
  })

  it('gives the same pages whatever the suppressed team answered, so nothing can recover it', async () => {
    // One harness at a time: on D1 every harness shares, and empties, the same database.
    const pages = async (bValue: 1 | 5) => {
      const h = await twoWards(bValue)
      const paths = ['/results', '/results?type=community', `/results/teams/${h.b.id}`]
      return Promise.all(paths.map(async (path) => withoutIds(await (await h.get(path)).text())))
    }
    const low = await pages(1)
    const high = await pages(5)
    expect(low[0]).toContain('fewer than 5')
    expect(low).toEqual(high)
  })

  it('answers 20 first requests at once with the very page one request alone gets', async () => {
    const h = await twoWards()
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
    const h = await twoWards()
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
    const h = await twoWards()
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

describe('exports', () => {
  it('exports answers and a summary without the suppressed team’s figures, and audits each', async () => {
    const h = await twoWards()
    const [round] = await h.db.query.rounds.findMany()
    const answers = await h.get(`/results/export/answers.csv?round=${round?.id}`)
    expect(answers.headers.get('Content-Type')).toContain('text/csv')
    const lines = (await answers.text()).trim().split('\r\n')
    expect(lines[0]).toBe(
      'round,round_closes_on,group,perspective,instrument,version,linkId,domain,value,code',
    )
    expect(lines).toHaveLength(1 + 6 * team.items.length)
    expect(lines.some((l) => l.includes('Ward B'))).toBe(false)
    expect(lines[1]).toMatch(
      /^Spring 2025,2025-03-31,Ward A,staff,team-recovery-focus,1,T01,D01,3,$/,
    )
    const summary = (await (await h.get(`/results/export/summary.csv?round=${round?.id}`)).text())
      .trim()
      .split('\r\n')
    expect(summary).toContain('Spring 2025,Ward A,all,total,6,75.0,15.8')
    expect(summary).toContain('Spring 2025,Ward A,staff,total,6,75.0,15.8')
    expect(summary).toContain('Spring 2025,Ward B,all,total,fewer than 5,,')
    expect(summary).toContain('Spring 2025,Ward B,all,responses,fewer than 5,,')
    const audited = (await h.db.query.auditLog.findMany()).filter(
      (a) => a.action === 'results.exported',
    )
    expect(audited).toHaveLength(2)
    for (const variant of [1, 5] as const) {
      const other = await twoWards(variant)
      const [r] = await other.db.query.rounds.findMany()
      const text = await (await other.get(`/results/export/summary.csv?round=${r?.id}`)).text()
      expect(text).toBe(`${summary.join('\r\n')}\r\n`)
    }
  })

  it('exports a round’s consensus records as a FHIR Bundle of QuestionnaireResponses', async () => {
    const h = await twoWards()
    const executive = (await h.db.query.groups.findMany()).find((g) => g.kind === 'executive')
    const exec = orgInstrument()
    await closedRoundWith(h.db, h.organisation.id, exec, {
      name: 'Board 2025',
      date: '2025-03-01',
      mode: 'consensus',
      responses: [
        {
          groupId: executive?.id ?? '',
          perspective: 'executive',
          answers: { ...allAnswered(exec, 2), E02: 'DK' },
        },
      ],
    })
    const round = (await h.db.query.rounds.findMany()).find((r) => r.name === 'Board 2025')
    const bundle = await (await h.get(`/results/export/consensus.json?round=${round?.id}`)).json()
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' })
    const [entry] = bundle.entry
    expect(entry.resource).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      questionnaire: `${exec.url}|1`,
      status: 'completed',
      authored: '2025-03-01',
      subject: { display: 'Executive team' },
    })
    expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`)
    // Nested as the Questionnaire nests them: one group a domain, its questions inside.
    type Answered = { linkId: string; answer: { valueCoding: { code: string } }[] }
    const groups = entry.resource.item as { linkId: string; item: Answered[] }[]
    expect(groups.map((g) => g.linkId)).toEqual(exec.domains.map((d) => d.key))
    const answered = groups.flatMap((g) => g.item)
    expect(answered.map((i) => i.linkId)).toEqual(exec.items.map((i) => i.linkId))
    expect(answered[1]?.answer[0]?.valueCoding.code).toBe('asked-unknown')
    expect(answered[0]?.answer[0]?.valueCoding).toMatchObject({
      code: '2',
      display: 'Developing',
    })
  })
})

describe('results across organisations and roles', () => {
  it('answers 404 for another organisation’s round and 403 for an export without the role', async () => {
    const h = await twoWards()
    const other = await createOrganisation(h.db, { name: 'Elsewhere Trust' })
    const theirs = await createTeamRow(h.db, other.id, 'Elsewhere Ward')
    await closedRoundWith(h.db, other.id, team, {
      name: 'Elsewhere round',
      date: '2025-03-31',
      responses: [4, 4, 5, 3, 4, 4].map((v) => ({
        groupId: theirs.id,
        answers: allAnswered(team, v),
      })),
    })
    const round = (await h.db.query.rounds.findMany()).find((r) => r.name === 'Elsewhere round')
    for (const path of ['answers.csv', 'summary.csv', 'consensus.json']) {
      expect((await h.get(`/results/export/${path}?round=${round?.id}`)).status).toBe(404)
    }
    expect((await h.get(`/results/report?round=${round?.id}`)).status).toBe(404)
    expect((await h.get(`/results/teams/${theirs.id}`)).status).toBe(404)
    const compare = await (await h.get(`/results/compare?from=${round?.id}&to=${round?.id}`)).text()
    const overview = await (await h.get('/results')).text()
    for (const page of [compare, overview]) expect(page).not.toContain('Elsewhere')
    await createPerson(h.db, h.organisation.id, {
      email: 'lead@northmoor.example',
      grants: [{ role: 'team-lead', groupId: h.a.id }],
    })
    const lead = await signInAs(h, 'lead@northmoor.example', knownPassword)
    const ours = (await h.db.query.rounds.findMany()).find((r) => r.name === 'Spring 2025')
    expect((await lead.get(`/results/export/summary.csv?round=${ours?.id}`)).status).toBe(403)
    expect((await lead.get(`/results/teams/${h.b.id}`)).status).toBe(403)
    expect(await (await lead.get('/results')).text()).not.toContain('Ward B')
  })
})

describe('comments', () => {
  /** A ward whose respondents each left a comment on the first question. */
  async function commentedWard(respondents: number) {
    const h = await setUpAndSignIn(await freshHarness())
    const ward = await createTeamRow(h.db, h.organisation.id, 'Ward E')
    await closedRoundWith(h.db, h.organisation.id, team, {
      name: 'Spring 2026',
      date: '2026-03-31',
      responses: Array.from({ length: respondents }, (_, i) => ({
        groupId: ward.id,
        answers: allAnswered(team, 1 + (i % 5)),
        comments: { T01: `Comment number ${i + 1} from the ward` },
      })),
    })
    const [round] = await h.db.query.rounds.findMany()
    return { ...h, ward, round }
  }

  it('shows no comment until ten people responded, and never in the board report', async () => {
    const few = await commentedWard(9)
    const page = await (await few.get(`/results/teams/${few.ward.id}`)).text()
    expect(page).toContain('9 responses')
    expect(page).not.toContain('Comment number')
    expect(page).toContain('Comments are shown only when at least 10 people responded')

    const enough = await commentedWard(10)
    const shown = await (await enough.get(`/results/teams/${enough.ward.id}`)).text()
    expect(shown.match(/Comment number \d+ from the ward/g)).toHaveLength(10)
    // Each comment stands with its question only: no rating or score beside it.
    const section = shown.slice(shown.indexOf('id="comments"'), shown.indexOf('Action plan'))
    expect(section).toContain(`On “${team.items[0]?.text.staff}”`)
    expect(section).not.toMatch(/>\d+</)
    const report = await (await enough.get(`/results/report?round=${enough.round?.id}`)).text()
    expect(report).not.toContain('Comment number')
  })

  it('lets an admin hide a comment that identifies someone, audited without its words', async () => {
    const h = await commentedWard(10)
    const path = `/results/teams/${h.ward.id}`
    const page = await (await h.get(path)).text()
    const key = /name="key" value="([0-9a-f]{64})"/.exec(page)?.[1]
    const text =
      /<p>(Comment number \d+ from the ward)<\/p><\/blockquote><form[^>]*><input type="hidden" name="key" value="([0-9a-f]{64})"/.exec(
        page,
      )
    expect(text?.[2]).toBe(key)
    const hidden = text?.[1] ?? ''
    const res = await h.post(`${path}/comments/hide?round=${h.round?.id}`, { key: key ?? '' })
    expect(res.status).toBe(303)
    expect(
      (await h.post(`${path}/comments/hide?round=${h.round?.id}`, { key: key ?? '' })).status,
    ).toBe(303)
    await createPerson(h.db, h.organisation.id, {
      email: 'exec@northmoor.example',
      grants: [{ role: 'executive' }],
    })
    const executive = await signInAs(h, 'exec@northmoor.example', knownPassword)
    const seen = await (await executive.get(path)).text()
    expect(seen.match(/Comment number \d+ from the ward/g)).toHaveLength(9)
    expect(seen).not.toContain(`>${hidden}<`)
    expect(seen).not.toContain('Hide this comment')
    expect(
      (await executive.post(`${path}/comments/hide?round=${h.round?.id}`, { key: key ?? '' }))
        .status,
    ).toBe(403)
    const audited = (await h.db.query.auditLog.findMany()).filter(
      (a) => a.action === 'comment.hidden',
    )
    expect(audited).toHaveLength(1)
    expect(JSON.stringify(audited)).not.toContain('Comment number')
    expect(audited[0]?.after).toEqual({ question: 'T01' })
  })
})

describe('individual rounds and series over time', () => {
  it('exports an individual round as FHIR MeasureReports, a group under the threshold masked whatever it answered', async () => {
    const exported = async (bValue: 1 | 5) => {
      const h = await twoWards(bValue)
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
    const h = await twoWards()
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
    const h = await twoWards()
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
