import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import {
  createOrganisation,
  createPerson,
  createTeamRow,
  knownPassword,
  orgInstrument,
  teamInstrument,
} from '../helpers/factories'
import { allAnswered, closedRoundWith, twoWards } from '../helpers/results'
import { setUpAndSignIn, signInAs } from '../helpers/signed-in'

const team = teamInstrument()

describe('exports', () => {
  it('exports answers and a summary without the suppressed team’s figures, and audits each', async () => {
    const h = await twoWards(await freshHarness())
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
      const other = await twoWards(await freshHarness(), variant)
      const [r] = await other.db.query.rounds.findMany()
      const text = await (await other.get(`/results/export/summary.csv?round=${r?.id}`)).text()
      expect(text).toBe(`${summary.join('\r\n')}\r\n`)
    }
  })

  it('exports a round’s consensus records as a FHIR Bundle of QuestionnaireResponses', async () => {
    const h = await twoWards(await freshHarness())
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
    const h = await twoWards(await freshHarness())
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
