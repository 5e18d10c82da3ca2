import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { auditLog, invitations, rounds, shownLinks } from '../../src/db/schema'
import { invitationCodeOf, newInvitationCode } from '../../src/db/tokens'
import { manualClock } from '../helpers/clock'
import { createPerson, createTeamRow, knownPassword, validRound } from '../helpers/factories'
import { codesIn, firstAdmin, madeLinks, setUpAndSignIn, signInAs } from '../helpers/signed-in'

const setUp = async () => {
  const clock = manualClock(Date.UTC(2027, 2, 2, 9))
  const h = await setUpAndSignIn(await freshHarness({ now: clock.now }))
  const team = await createTeamRow(h.db, h.organisation.id, 'Ward 3')
  const made = await h.post('/rounds/new', validRound([team.id]))
  return { h, clock, team, path: made.headers.get('Location') ?? '' }
}

describe('invitation codes', () => {
  it('makes codes of 12 characters in groups of four, with no character that looks like another', () => {
    const codes = Array.from({ length: 2000 }, newInvitationCode)
    for (const code of codes)
      expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){2}$/)
    expect(new Set(codes).size).toBe(codes.length)
    const seen = new Set(codes.join('').replaceAll('-', ''))
    for (const lookAlike of '01ILOU') expect(seen.has(lookAlike)).toBe(false)
    // 24,000 characters drawn from 30: every one of them appears.
    expect(seen.size).toBe(30)
  })

  it('reads a code typed in small letters, with spaces or without dashes, as the same code', () => {
    const code = 'K7QM-3XHP-9DRT'
    for (const typed of ['k7qm 3xhp 9drt', 'K7QM3XHP9DRT', ' k7qm-3xhp 9DRT ', 'k7-qm3x-hp9d-rt'])
      expect(invitationCodeOf(typed)).toBe(code)
    for (const typed of ['K7QM-3XHP-9DR', 'K7QM-3XHP-9DRO', 'K7QM-3XHP-9DR1', ''])
      expect(invitationCodeOf(typed)).toBeNull()
  })
})

describe('invitation links, as the person who made them and as a respondent', () => {
  it('keeps a batch for its maker to reload and download for 24 hours, and for nobody else', async () => {
    const { h, clock, team, path } = await setUp()
    await h.post(`${path}/open`)
    const {
      kept,
      text: first,
      codes,
    } = await madeLinks(h, path, {
      groupId: team.id,
      perspective: 'staff',
      count: '3',
    })
    expect(codes).toHaveLength(3)
    expect(first.match(/<svg class="app-qr-code"/g)).toHaveLength(3)
    for (const code of codes) expect(first).toContain(`>${code}</p>`)
    const again = await h.get(kept)
    expect(again.status).toBe(200)
    expect(codesIn(await again.text())).toEqual(codes)
    expect(await (await h.get(path)).text()).toContain('3 links, to print or download until')

    await createPerson(h.db, h.organisation.id, {
      email: 'second.admin@northmoor.example',
      grants: [{ role: 'admin' }],
    })
    const other = await signInAs(h, 'second.admin@northmoor.example', knownPassword)
    const refused = await other.get(kept)
    expect(refused.status).toBe(410)
    expect(codesIn(await refused.text())).toEqual([])
    expect((await other.get(`${kept}/csv`)).status).toBe(410)

    clock.advance(24 * 60 - 1)
    const nextDay = await signInAs(h, firstAdmin.email, firstAdmin.password)
    expect((await nextDay.get(kept)).status).toBe(200)
    clock.advance(2)
    const late = await nextDay.get(kept)
    expect(late.status).toBe(410)
    expect(await late.text()).toContain('Links already given out still work')
    expect(await (await nextDay.get(path)).text()).not.toContain('to print or download until')
    // The links themselves still work, and the next batch removes the expired one's codes.
    expect((await h.app.request(`/r/${codes[0]}`)).status).toBe(200)
    await madeLinks(nextDay, path, { groupId: team.id, perspective: 'staff', count: '1' })
    const keptRows = await h.db.select().from(shownLinks)
    expect(keptRows).toHaveLength(1)
    expect(keptRows[0]?.links.map((l) => l.token)).not.toContain(codes[0])
  })

  it('removes every kept code of a round when it closes', async () => {
    const { h, team, path } = await setUp()
    await h.post(`${path}/open`)
    const { kept } = await madeLinks(h, path, {
      groupId: team.id,
      perspective: 'staff',
      count: '2',
    })
    expect(await h.db.select().from(shownLinks)).toHaveLength(1)
    await h.post(`${path}/close`)
    expect(await h.db.select().from(shownLinks)).toHaveLength(0)
    expect((await h.get(kept)).status).toBe(410)
  })

  it('opens a questionnaire from a typed code, and answers a mistyped one with what to check', async () => {
    const { h, team, path } = await setUp()
    await h.post(`${path}/open`)
    const {
      codes: [code = ''],
    } = await madeLinks(h, path, { groupId: team.id, perspective: 'staff', count: '1' })
    const form = await h.app.request('/r')
    expect(form.status).toBe(200)
    expect(await form.text()).toContain('Enter the code from your card')
    const typed = await h.app.request(
      `/r?code=${encodeURIComponent(code.toLowerCase().replaceAll('-', ' '))}`,
    )
    expect(typed.status).toBe(303)
    expect(typed.headers.get('Location')).toBe(`/r/${code}`)
    const lower = await h.app.request(`/r/${code.toLowerCase()}/domains/1`)
    expect(lower.headers.get('Location')).toBe(`/r/${code}/domains/1`)

    const wrong = `${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`
    for (const attempt of [`/r?code=${wrong}`, `/r/${wrong}`]) {
      const res = await h.app.request(attempt)
      expect(res.status).toBe(attempt.startsWith('/r?') ? 422 : 404)
      const text = await res.text()
      expect(text).toContain('We could not find a questionnaire with this code')
      expect(text).toContain('Enter the code from your card')
      expect(text).not.toContain('action="/sign-in"')
    }
    const short = await h.app.request('/r?code=K7QM')
    expect(short.status).toBe(422)
    expect(await short.text()).toContain('should be 12 letters and numbers')
  })

  it('tells a respondent when a round not yet open opens, and when a closed one closed', async () => {
    const { h, clock, team, path } = await setUp()
    await h.post(`${path}/edit`, validRound([team.id], { opensOn: '2027-03-10' }))
    const {
      codes: [code],
    } = await madeLinks(h, path, { groupId: team.id, perspective: 'staff', count: '1' })
    const early = await h.app.request(`/r/${code}`)
    expect(early.status).toBe(410)
    const text = await early.text()
    expect(text).toContain('This questionnaire is not open yet')
    expect(text).toContain('It is due to open on 10 March 2027')
    expect(text).not.toContain('closed')
    clock.advance(60 * 24 * 30)
    const late = await signInAs(h, firstAdmin.email, firstAdmin.password)
    expect(await (await h.app.request(`/r/${code}`)).text()).toContain(
      'It was due to open on 10 March 2027 but has not been opened yet',
    )
    await late.post(`${path}/open`)
    await late.post(`${path}/close`)
    const closed = await (await h.app.request(`/r/${code}`)).text()
    expect(closed).toContain('This questionnaire is closed')
    expect(closed).toContain('It closed on 1 April 2027')
  })
})

describe('a round’s life as its manager sees it', () => {
  it('takes dates as day, month and year boxes, the same in every browser, and keeps what was typed', async () => {
    const { h, team } = await setUp()
    const form = await (await h.get('/rounds/new')).text()
    for (const box of ['opensOn-day', 'opensOn-month', 'opensOn-year', 'closesOn-day'])
      expect(form).toContain(`name="${box}"`)
    expect(form).not.toContain('type="date"')
    const parts = (name: string, day: string, month: string, year: string) => ({
      [`${name}-day`]: day,
      [`${name}-month`]: month,
      [`${name}-year`]: year,
    })
    const { opensOn: _, closesOn: __, ...rest } = validRound([team.id])
    const bad = await h.post('/rounds/new', {
      ...rest,
      ...parts('opensOn', '31', '2', '2027'),
      ...parts('closesOn', '', '', ''),
    })
    expect(bad.status).toBe(422)
    const page = await bad.text()
    expect(page).toContain('Enter a real date, with the day, month and year as numbers')
    expect(page).toContain('Enter the closing date')
    expect(page).toMatch(
      /id="opensOn" name="opensOn-day" type="text" inputmode="numeric" value="31"/,
    )
    const good = await h.post('/rounds/new', {
      ...rest,
      ...parts('opensOn', '1', '3', '2027'),
      ...parts('closesOn', '31', '03', '2027'),
    })
    expect(good.status).toBe(303)
    const stored = await h.db
      .select({ opensOn: rounds.opensOn, closesOn: rounds.closesOn })
      .from(rounds)
      .where(eq(rounds.id, good.headers.get('Location')?.split('/').pop() ?? ''))
    expect(stored).toEqual([{ opensOn: '2027-03-01', closesOn: '2027-03-31' }])
    const edit = await (await h.get(`${good.headers.get('Location')}/edit`)).text()
    expect(edit).toMatch(/name="opensOn-day" type="text" inputmode="numeric" value="1"/)
    expect(edit).toMatch(/name="opensOn-year" type="text" inputmode="numeric" value="2027"/)
  })

  it('asks before closing, keeps the day it closed, and then links to its results', async () => {
    const { h, path } = await setUp()
    await h.post(`${path}/open`)
    const open = await (await h.get(path)).text()
    expect(open).not.toContain(`action="${path}/close"`)
    expect(open).toContain(`href="${path}/close"`)
    const confirm = await (await h.get(`${path}/close`)).text()
    expect(confirm).toContain('Are you sure you want to close this round?')
    expect(confirm).toContain('It is due to close on 31 March 2027. Closing it now ends it early.')
    expect(confirm).toContain('cannot be undone')
    expect(confirm).toContain(`action="${path}/close"`)
    expect(await h.db.select({ status: rounds.status }).from(rounds)).toEqual([{ status: 'open' }])
    expect((await h.post(`${path}/close`)).status).toBe(303)
    const closed = await (await h.get(path)).text()
    expect(closed).toContain('1 March 2027 to 31 March 2027; closed on 2 March 2027')
    const id = path.split('/').pop()
    expect(closed).toContain(`href="/results?round=${id}"`)
    expect(closed).toContain(`href="/results/report?round=${id}"`)
    expect((await h.get(`${path}/close`)).status).toBe(303)
  })

  it('changes and deletes a draft, each audited, and refuses both once it has opened', async () => {
    const { h, team, path } = await setUp()
    const other = await createTeamRow(h.db, h.organisation.id, 'Ward 4')
    const form = await (await h.get(`${path}/edit`)).text()
    expect(form).toContain('value="Spring 2027"')
    expect(form).toContain(`action="${path}/edit"`)
    const bad = await h.post(`${path}/edit`, validRound([team.id], { name: '' }))
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('Enter the name of the round')
    const changed = await h.post(
      `${path}/edit`,
      validRound([team.id, other.id], { name: 'Spring 2027, wards', closesOn: '2027-04-30' }),
    )
    expect(changed.status).toBe(303)
    const page = await (await h.get(path)).text()
    expect(page).toContain('Spring 2027, wards')
    expect(page).toContain('Ward 4')
    expect(page).toContain('30 April 2027')
    const actions = async () =>
      (await h.db.select({ action: auditLog.action }).from(auditLog)).map((a) => a.action)
    expect(await actions()).toContain('round.changed')

    const id = path.split('/').pop() ?? ''
    await madeLinks(h, path, { groupId: team.id, perspective: 'staff', count: '2' })
    expect(await (await h.get(`${path}/delete`)).text()).toContain(
      'Are you sure you want to delete this round?',
    )
    expect((await h.post(`${path}/delete`)).headers.get('Location')).toBe('/rounds')
    expect(await h.db.select().from(rounds).where(eq(rounds.id, id))).toEqual([])
    expect(await h.db.select().from(invitations)).toEqual([])
    expect(await h.db.select().from(shownLinks)).toEqual([])
    expect((await actions()).filter((a) => a === 'round.deleted')).toHaveLength(1)
    expect((await h.post(`${path}/delete`)).status).toBe(404)

    const opened =
      (await h.post('/rounds/new', validRound([team.id]))).headers.get('Location') ?? ''
    await h.post(`${opened}/open`)
    for (const refused of [
      await h.get(`${opened}/edit`),
      await h.post(`${opened}/edit`, validRound([team.id], { name: 'Renamed' })),
      await h.post(`${opened}/delete`),
    ]) {
      expect(refused.status).toBe(409)
      expect(await refused.text()).toContain('only before it opens')
    }
    expect(await h.db.select({ name: rounds.name }).from(rounds)).toEqual([{ name: 'Spring 2027' }])
  })

  it('says why a team lead is refused, and never blames a form from another site', async () => {
    const { h, team } = await setUp()
    await createPerson(h.db, h.organisation.id, {
      email: 'lead@northmoor.example',
      grants: [{ role: 'team-lead', groupId: team.id }],
    })
    const lead = await signInAs(h, 'lead@northmoor.example', knownPassword)
    for (const [path, why] of [
      ['/rounds/import', 'Only an admin or the recovery strategy lead'],
      ['/people', 'Only an admin can manage'],
      [
        '/results/export/summary.csv?round=x',
        'Only admins, the recovery strategy lead and executives',
      ],
    ] as const) {
      const res = await lead.get(path)
      expect(res.status).toBe(403)
      const text = await res.text()
      expect(text).toContain(why)
      expect(text).not.toContain('another site')
    }
  })
})
