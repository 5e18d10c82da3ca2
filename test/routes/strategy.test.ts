import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { createWorkstream } from '../../src/db/queries/strategy'
import { auditLog, metricValues, workstreams } from '../../src/db/schema'
import { createOrganisation, createPerson, knownPassword } from '../helpers/factories'
import { testOrigin } from '../helpers/requests'
import { signInAs } from '../helpers/signed-in'
import {
  peerSupportWorkstream,
  peerWorkersMetric,
  setUpStrategy,
  valueFields,
} from '../helpers/strategy'

describe('strategy workstreams', () => {
  it('creates a workstream, and re-renders the form with every problem beside its field', async () => {
    const h = await setUpStrategy(await freshHarness())
    const bad = await h.post('/strategy/workstreams/new', { name: '', purpose: '', lead: '' })
    expect(bad.status).toBe(422)
    const page = await bad.text()
    expect(page).toContain('Enter the name')
    expect(page).toContain('Enter the purpose')
    expect(page).toContain('Enter the lead')
    expect(await h.db.select().from(workstreams)).toHaveLength(0)
    const workstream = await peerSupportWorkstream(h)
    expect(workstream.linkedDomains.sort()).toEqual(['D01', 'D08'])
    const again = await h.post('/strategy/workstreams/new', {
      name: 'Peer support',
      purpose: 'Again',
      lead: 'Someone',
    })
    expect(again.status).toBe(422)
    expect(await again.text()).toContain('A workstream with this name already exists')
    const overview = await (await h.get('/strategy')).text()
    expect(overview).toContain('Peer support')
    expect(overview).toContain('Not started')
    const shown = await (await h.get(`/strategy/workstreams/${workstream.id}`)).text()
    expect(shown).toContain('D08 Lived-experience workforce')
  })

  it('shows a per-team target’s coverage, the teams below it and a run chart, from a month of values', async () => {
    const h = await setUpStrategy(await freshHarness())
    const workstream = await peerSupportWorkstream(h)
    const metric = await peerWorkersMetric(h, workstream.id)
    // Ward 1 has 2, Ward 2 has 3, Ward 3 has 1 and Ward 4 has nothing recorded.
    const saved = await h.post(`/strategy/metrics/${metric.id}/values`, {
      period: '2026-10',
      ...valueFields(h, ['2', '3', '1']),
    })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`/strategy/metrics/${metric.id}?period=2026-10`)
    const page = await (await h.get(`/strategy/metrics/${metric.id}?period=2026-10`)).text()
    expect(page).toContain(
      'Teams with at least 2 peer support workers: 2 of 4 (50%) in Oct 2026; target 100% by 31 March 2027. Organisation total: 6 peer support workers.',
    )
    expect(page).toMatch(/Teams below target \(2\)/)
    expect(page).toContain('Ward 3</li>')
    expect(page).toContain('Ward 4 (nothing recorded)')
    expect(page).toContain('data-chart=')
    expect(page).toMatch(/<td class="nhsuk-table__cell">Oct 2026<\/td><td[^>]*>50<\/td>/)
    // The entry form shows what is recorded for the month.
    expect(page).toContain(
      `name="value-${h.teams[1]?.id}" type="text" inputmode="decimal" value="3"`,
    )
    const overview = await (await h.get('/strategy')).text()
    expect(overview).toContain('Peer support workers</a>')
    expect(overview).toContain(
      'is 50% of teams; target at least 100% of teams by 31 March 2027 (not yet met)',
    )
  })

  it('stores nothing new from a repeated submission, and keeps a corrected value’s history', async () => {
    const h = await setUpStrategy(await freshHarness())
    const workstream = await peerSupportWorkstream(h)
    const metric = await peerWorkersMetric(h, workstream.id)
    const month = { period: '2026-10', ...valueFields(h, ['2', '3', '1', '0']) }
    await h.post(`/strategy/metrics/${metric.id}/values`, month)
    const audits = async () =>
      h.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, 'metric.values-recorded'), eq(auditLog.subjectId, metric.id)),
        )
    expect(await audits()).toHaveLength(1)
    await h.post(`/strategy/metrics/${metric.id}/values`, month)
    expect(await audits()).toHaveLength(1)
    await h.post(`/strategy/metrics/${metric.id}/values`, {
      ...month,
      ...valueFields(h, [undefined, undefined, '2']),
    })
    const entries = await audits()
    expect(entries).toHaveLength(2)
    const correction = entries.find((e) => JSON.stringify(e.before) !== '[]')
    expect(correction?.before).toEqual([
      { period: '2026-10', groupId: h.teams[2]?.id, value: 1, note: null },
    ])
    expect(correction?.after).toEqual([
      { period: '2026-10', groupId: h.teams[2]?.id, value: 2, note: null },
    ])
    const rows = await h.db.select().from(metricValues)
    expect(rows).toHaveLength(4)
    expect(rows.find((r) => r.groupId === h.teams[2]?.id)?.value).toBe(2)
  })

  it('refuses a month with a bad value or period, beside the field, storing nothing', async () => {
    const h = await setUpStrategy(await freshHarness())
    const workstream = await peerSupportWorkstream(h)
    const metric = await peerWorkersMetric(h, workstream.id)
    const res = await h.post(`/strategy/metrics/${metric.id}/values`, {
      period: 'October',
      ...valueFields(h, ['2', 'two']),
    })
    expect(res.status).toBe(422)
    const page = await res.text()
    expect(page).toContain('Enter the month as 2026-05')
    expect(page).toContain('Ward 2: the value must be a number')
    expect(page).toContain('value="two"')
    expect(await h.db.select().from(metricValues)).toHaveLength(0)
  })

  it('refuses a CSV saved as Latin-1 or UTF-16, naming the encoding, and stores nothing', async () => {
    const h = await setUpStrategy(await freshHarness())
    const workstream = await peerSupportWorkstream(h)
    await peerWorkersMetric(h, workstream.id)
    const csv = 'metric,period,team,value,note\nPeer support workers,2026-10,Ward 1,2,Café’s note\n'
    const latin1 = Uint8Array.from(csv.replace('’', "'"), (ch) => ch.charCodeAt(0))
    const utf16 = Uint8Array.from([
      0xff,
      0xfe,
      ...[...csv].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]),
    ])
    for (const [encoding, bytes] of [
      ['Windows-1252 (Latin-1)', latin1],
      ['UTF-16', utf16],
    ] as const) {
      for (const path of ['/strategy/values/upload', '/rounds/import']) {
        const body = new FormData()
        body.append('file', new File([bytes], 'values.csv', { type: 'text/csv' }))
        body.append('instrument', 'team-recovery-focus@1')
        const res = await h.app.request(path, {
          method: 'POST',
          body,
          headers: { Origin: testOrigin, 'Sec-Fetch-Site': 'same-origin', Cookie: h.cookie },
        })
        expect(res.status, `${path} ${encoding}`).toBe(422)
        expect(await res.text()).toContain(`The file is saved as ${encoding}, not UTF-8`)
      }
    }
    expect(await h.db.select().from(metricValues)).toEqual([])
    expect(await h.db.query.rounds.findMany()).toEqual([])
    const good = await h.upload('/strategy/values/upload', {
      name: 'values.csv',
      content: `\ufeff${csv}`,
    })
    expect(await good.text()).not.toContain('not UTF-8')
  })

  it('lists every fault of a CSV upload by row and column and stores nothing; a good file is stored', async () => {
    const h = await setUpStrategy(await freshHarness())
    const workstream = await peerSupportWorkstream(h)
    await peerWorkersMetric(h, workstream.id)
    const header = 'metric,period,team,value,note'
    const faulty = [
      header,
      'Peer support workers,2026-10,Ward 1,2,',
      'Peer support workers,2026-13,Ward 2,3,',
      'Peer support workers,2026-10,Ward 9,1,',
      'Peer support workers,2026-10,Ward 3,lots,',
      'Peer helpers,2026-10,Ward 4,1,',
      'Peer support workers,2026-10,,1,',
      'Peer support workers,2026-10,Ward 1,3,',
    ].join('\n')
    const res = await h.upload('/strategy/values/upload', { name: 'values.csv', content: faulty })
    expect(res.status).toBe(422)
    const page = await res.text()
    for (const [row, column, message] of [
      [3, 'period', '“2026-13” is not a month: write it as 2026-05'],
      [4, 'team', 'No team is called “Ward 9”'],
      [5, 'value', '“lots” is not a number'],
      [6, 'metric', 'No metric is called “Peer helpers”'],
      [7, 'team', 'Enter the team, for a metric of each team'],
      [8, 'value', 'Row 2 already gives this value'],
    ] as const) {
      expect(page).toContain(
        `<td class="nhsuk-table__cell nhsuk-table__cell--numeric">${row}</td><td class="nhsuk-table__cell">${column}</td><td class="nhsuk-table__cell">${message}</td>`,
      )
    }
    expect(page).toContain('6 problems found; nothing was stored')
    expect(await h.db.select().from(metricValues)).toHaveLength(0)
    const good = `\uFEFF${header}\r\nPeer support workers,2026-10,Ward 1,2,new starter\r\n"Peer support workers",2026-11,"Ward 1",3,\r\n`
    const stored = await h.upload('/strategy/values/upload', { name: 'values.csv', content: good })
    expect(stored.status).toBe(200)
    expect(await stored.text()).toContain('2 values recorded.')
    expect(await h.db.select().from(metricValues)).toHaveLength(2)
  })

  it('keeps objectives with dated notes of progress, and shows an overdue one on the overview', async () => {
    const h = await setUpStrategy(await freshHarness())
    const workstream = await peerSupportWorkstream(h)
    const bad = await h.post(`/strategy/workstreams/${workstream.id}/objectives`, {
      title: 'Recruit',
      owner: '',
      dueOn: '2026-02-30',
    })
    expect(bad.status).toBe(422)
    const badPage = await bad.text()
    expect(badPage).toContain('Enter the owner')
    expect(badPage).toContain('Enter a real date')
    await h.post(`/strategy/workstreams/${workstream.id}/objectives`, {
      title: 'Recruit ten peer support workers',
      owner: 'Dana Okafor',
      dueOn: '2020-01-31',
    })
    const page = await (await h.get(`/strategy/workstreams/${workstream.id}`)).text()
    const id = /\/strategy\/objectives\/([\w-]+)/.exec(page)?.[1] ?? ''
    expect(page).toContain('31 January 2020 (overdue)')
    const noted = await h.post(`/strategy/objectives/${id}/progress`, {
      status: 'at-risk',
      note: 'Two posts still vacant',
    })
    expect(noted.status).toBe(303)
    const objective = await (await h.get(`/strategy/objectives/${id}`)).text()
    expect(objective).toContain('Two posts still vacant')
    expect(objective).toContain('Status: At risk')
    const overview = await (await h.get('/strategy')).text()
    expect(overview).toContain('Off track')
    expect(overview).toContain(
      'Peer support: Recruit ten peer support workers (Dana Okafor), due 31 January 2020',
    )
  })

  it('lets everyone see the strategy, only strategy leads and admins change it, and no other organisation', async () => {
    const h = await setUpStrategy(await freshHarness())
    const workstream = await peerSupportWorkstream(h)
    const metric = await peerWorkersMetric(h, workstream.id)
    await createPerson(h.db, h.organisation.id, {
      email: 'viewer@northmoor.example',
      grants: [{ role: 'viewer' }],
    })
    const viewer = await signInAs(h, 'viewer@northmoor.example', knownPassword)
    expect((await viewer.get('/strategy')).status).toBe(200)
    expect((await viewer.get(`/strategy/metrics/${metric.id}`)).status).toBe(200)
    expect((await viewer.get('/strategy/workstreams/new')).status).toBe(403)
    const refused = await viewer.post(`/strategy/metrics/${metric.id}/values`, {
      period: '2026-10',
      ...valueFields(h, ['2']),
    })
    expect(refused.status).toBe(403)
    expect(await h.db.select().from(metricValues)).toHaveLength(0)

    const other = await createOrganisation(h.db, { name: 'Elsewhere Trust' })
    const theirs = await createWorkstream(
      h.db,
      { organisationId: other.id, actorId: crypto.randomUUID(), at: new Date() },
      { name: 'Elsewhere stream', purpose: 'x', lead: 'x', linkedDomains: [] },
    )
    expect((await h.get(`/strategy/workstreams/${theirs}`)).status).toBe(404)
    expect(
      (
        await h.post(`/strategy/workstreams/${theirs}/objectives`, {
          title: 'x',
          owner: 'x',
          dueOn: '2027-01-01',
        })
      ).status,
    ).toBe(404)
    expect(await (await h.get('/strategy')).text()).not.toContain('Elsewhere')
  })
})
