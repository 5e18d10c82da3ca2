import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { setSuspended } from '../../src/db/queries/hosting'
import { insertDraftInstrument, moveInstrumentStatus } from '../../src/db/queries/instruments'
import { createInvitations } from '../../src/db/queries/invitations'
import { moveRound } from '../../src/db/queries/rounds'
import { answers, itemAggregates, organisations, responses } from '../../src/db/schema'
import { fieldNames } from '../../src/instruments/answer-form'
import { parseInstrument } from '../../src/instruments/definition'
import { fromQuestionnaire } from '../../src/instruments/fhir/import'
import phq9 from '../fixtures/loinc-phq-9.json'
import { manualClock } from '../helpers/clock'
import {
  createOrganisation,
  createRoundRow,
  createTeamRow,
  teamInstrument,
} from '../helpers/factories'
import { htmxHeaders, postForm } from '../helpers/requests'

const instrument = teamInstrument()
const domainCount = instrument.domains.length

async function withLink(perspective = 'staff') {
  const clock = manualClock(Date.UTC(2027, 2, 2, 10, 0))
  const h = await freshHarness({ now: clock.now })
  const org = await createOrganisation(h.db)
  const team = await createTeamRow(h.db, org.id, 'Ward 3')
  const round = await createRoundRow(h.db, org.id, [team.id])
  const actor = { organisationId: org.id, actorId: crypto.randomUUID(), at: new Date(clock.now()) }
  const [link] = await createInvitations(h.db, actor, round.id, [
    { groupId: team.id, perspective, count: 1 },
  ])
  if (!link) throw new Error('no link')
  const base = `/r/${link.token}`
  return { ...h, org, team, round, actor, clock, base }
}

const itemsOfDomain = (n: number) =>
  instrument.items.filter((item) => item.domain === instrument.domains[n - 1]?.key)

describe('responding from a link', () => {
  it('stops a suspended organisation’s links, keeping what was saved, until it is restored', async () => {
    const { app, db, org, base, clock } = await withLink()
    expect((await app.request(base)).status).toBe(200)
    const at = new Date(clock.now())
    await setSuspended(db, { organisationId: org.id, suspend: true, at })
    expect((await app.request(base)).status).toBe(404)
    await setSuspended(db, { organisationId: org.id, suspend: false, at })
    expect((await app.request(base)).status).toBe(200)
  })

  it('shows the first domain with progress, a fieldset per question and NA and DK as choices', async () => {
    const { app, base } = await withLink()
    const start = await app.request(base)
    expect(start.status).toBe(200)
    expect(await start.text()).toContain('Start now')
    const res = await app.request(`${base}/domains/1`)
    const page = await res.text()
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(page).toContain(`Section 1 of ${domainCount}`)
    for (const item of itemsOfDomain(1)) {
      expect(page).toContain(`name="answer-${item.linkId}"`)
      expect(page).toContain(item.text.staff ?? '')
    }
    expect(page.match(/<fieldset/g)?.length).toBe(itemsOfDomain(1).length)
    expect(page).toContain('value="NA"')
    expect(page).toContain('value="DK"')
    expect(page).not.toContain('Sign out')
  })

  it('words the questions for the link’s perspective', async () => {
    const { app, base } = await withLink('person-using-service')
    const page = await (await app.request(`${base}/domains/1`)).text()
    const item = itemsOfDomain(1)[0]
    expect(page).toContain(item?.text['person-using-service'] ?? 'missing')
  })

  it('gives people using the service their own plain headings, and each section the wording of its perspective', async () => {
    const { app, base } = await withLink('person-using-service')
    for (const [n, domain] of instrument.domains.entries()) {
      const page = await (await app.request(`${base}/domains/${n + 1}`)).text()
      const plain = domain.wording?.['person-using-service']
      expect(plain?.title).toBeTruthy()
      expect(page).toContain(`Section ${n + 1} of ${domainCount}`)
      expect(page).toContain(plain?.title ?? 'missing')
      expect(page).toContain(plain?.description ?? 'missing')
      expect(page).not.toContain(domain.description ?? 'missing')
      expect(page).not.toContain('Domain ')
    }
    const staff = await withLink('staff')
    const first = await (await staff.app.request(`${staff.base}/domains/1`)).text()
    expect(first).toContain(instrument.domains[0]?.title ?? 'missing')
  })

  it('tells a respondent how long it takes, what happens to their answers and whom to ask', async () => {
    const h = await withLink('person-using-service')
    const start = await (await h.app.request(h.base)).text()
    expect(start).toContain(
      `There are ${instrument.items.length} questions in ${domainCount} sections. It takes about 10 minutes.`,
    )
    expect(start).toContain('What happens to your answers')
    expect(start).toContain('at least 5 people have answered')
    expect(start).toContain('Ask the person who gave you this link.')
    await h.db
      .update(organisations)
      .set({ respondentContact: 'the Recovery Team on 0123 456 7890' })
      .where(eq(organisations.id, h.org.id))
    expect(await (await h.app.request(h.base)).text()).toContain(
      'Contact the Recovery Team on 0123 456 7890, or ask the person who gave you this link.',
    )
  })

  it('says answers are saved as they are chosen only where scripts run, and otherwise by the buttons', async () => {
    const { app, base } = await withLink()
    for (const path of [base, `${base}/domains/1`]) {
      const page = await (await app.request(path)).text()
      expect(page).toMatch(/<p class="app-js-only">Each answer is saved as soon as you choose it\./)
      expect(page).toMatch(/<p class="app-no-js">Your answers are saved when you press a button/)
      expect(page).not.toContain('saved as you go')
    }
  })

  it('saves one answer through htmx with a Saved status, and finds it again on return', async () => {
    const { app, base } = await withLink()
    const res = await postForm(
      app,
      `${base}/answers/T01`,
      { 'answer-T01': '4', 'comment-T01': 'Mostly' },
      htmxHeaders,
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(await res.text()).toContain('Saved')
    const page = await (await app.request(`${base}/domains/1`)).text()
    expect(page).toMatch(/id="answer-T01-4"[^>]*checked|checked[^>]*id="answer-T01-4"/)
    expect(page).toContain('Mostly')
    // A second save into the response begun replaces the first.
    const again = await postForm(app, `${base}/answers/T01`, { 'answer-T01': '2' }, htmxHeaders)
    expect(again.status).toBe(200)
    const changed = await (await app.request(`${base}/domains/1`)).text()
    expect(changed).toMatch(/id="answer-T01-2"[^>]*checked|checked[^>]*id="answer-T01-2"/)
    expect(changed).not.toMatch(/id="answer-T01-4"[^>]*checked|checked[^>]*id="answer-T01-4"/)
    expect(changed).not.toContain('Mostly')
  })

  it('refuses a comment over 2,000 characters beside the field and keeps what was typed', async () => {
    const { app, base, db } = await withLink()
    const long = 'x'.repeat(2001)
    const res = await postForm(app, `${base}/domains/1`, {
      'answer-T01': '2',
      'comment-T01': long,
      'answer-T02': '5',
      'comment-T02': '',
      go: 'next',
    })
    expect(res.status).toBe(422)
    const page = await res.text()
    expect(page).toContain('Your comment must be 2,000 characters or fewer')
    expect(page).toContain('href="#comment-T01"')
    expect(page).toContain(long)
    const saved = await db.select().from(answers)
    expect(saved.map((a) => [a.linkId, a.value])).toEqual([['T02', 5]])
    const htmx = await postForm(
      app,
      `${base}/answers/T01`,
      { 'answer-T01': '2', 'comment-T01': long },
      htmxHeaders,
    )
    expect(htmx.status).toBe(422)
    expect(await htmx.text()).toContain('Not saved')
    // A comment that hides NUL or reverses its text is refused the same way.
    for (const comment of ['fine\u0000', '\u202eenihsnus']) {
      const hidden = await postForm(app, `${base}/answers/T03`, {
        'answer-T03': '3',
        'comment-T03': comment,
      })
      expect(hidden.status).toBe(422)
      expect(await hidden.text()).toContain('Remove the hidden characters')
    }
    expect((await db.select().from(answers)).map((a) => a.linkId)).not.toContain('T03')
  })

  it('moves between pages with Save and continue, lists unanswered items on review, and submits once', async () => {
    const { app, base, db } = await withLink()
    const first = itemsOfDomain(1)
    const next = await postForm(app, `${base}/domains/1`, {
      ...Object.fromEntries(first.map((item) => [`answer-${item.linkId}`, '3'])),
      go: 'next',
    })
    expect(next.status).toBe(303)
    expect(next.headers.get('Location')).toBe(`${base}/domains/2`)
    const review = await (await app.request(`${base}/review`)).text()
    const unanswered = instrument.items.length - first.length
    expect(review).toContain(`${unanswered} questions have no answer`)
    expect(review).toContain(`${base}/domains/2#item-${itemsOfDomain(2)[0]?.linkId}`)
    const submits = await Promise.all([
      postForm(app, `${base}/submit`, {}),
      postForm(app, `${base}/submit`, {}),
    ])
    expect(submits.map((r) => r.status).sort()).toEqual([200, 303])
    const again = await postForm(app, `${base}/submit`, {})
    expect(await again.text()).toContain('Already submitted')
    expect(await (await app.request(base)).text()).toContain('Already submitted')
    expect(await (await app.request(`${base}/thank-you`)).text()).toContain('Thank you')
    expect(await db.select().from(responses)).toHaveLength(1)
    const aggregates = await db.select().from(itemAggregates)
    expect(aggregates.map((a) => a.n)).toEqual(first.map(() => 1))
    const late = await postForm(app, `${base}/answers/T05`, { 'answer-T05': '1' }, htmxHeaders)
    expect(late.status).toBe(409)
  })

  it('refuses to submit a response with no answer, storing nothing', async () => {
    const { app, base, db } = await withLink()
    const res = await postForm(app, `${base}/submit`, {})
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Answer at least one question before submitting')
    await postForm(app, `${base}/answers/T01`, { 'comment-T01': 'Only a comment' }, htmxHeaders)
    expect((await postForm(app, `${base}/submit`, {})).status).toBe(422)
    expect((await db.select().from(responses)).map((r) => r.status)).toEqual(['in-progress'])
  })

  it('takes answers only while the round is open and before its closing date', async () => {
    const { app, base, db, round, actor, clock } = await withLink()
    clock.advance(60 * 24 * 40)
    expect((await app.request(`${base}/domains/1`)).status).toBe(410)
    await moveRound(db, actor, round, 'close')
    expect(await (await app.request(base)).text()).toContain('This questionnaire is closed')
    expect((await app.request('/r/not-a-real-token')).status).toBe(404)
  })
})

describe('responding to a Questionnaire imported from elsewhere', () => {
  it('asks LOINC’s PHQ-9, whose linkIds begin with "/", and saves each answer by its linkId', async () => {
    const clock = manualClock(Date.UTC(2027, 2, 2, 10, 0))
    const h = await freshHarness({ now: clock.now })
    const org = await createOrganisation(h.db)
    const team = await createTeamRow(h.db, org.id, 'Ward 3')
    const result = fromQuestionnaire(structuredClone(phq9), 'person-using-service')
    if (!result.ok) throw new Error(result.problems.join('\n'))
    const phq = parseInstrument(result.definition)
    await insertDraftInstrument(h.db, org.id, phq)
    await moveInstrumentStatus(h.db, org.id, phq.slug, phq.version, 'publish')
    const round = await createRoundRow(h.db, org.id, [team.id], {
      instrumentSlug: phq.slug,
      instrumentVersion: phq.version,
      perspectives: ['person-using-service'],
    })
    const actor = {
      organisationId: org.id,
      actorId: crypto.randomUUID(),
      at: new Date(clock.now()),
    }
    const [link] = await createInvitations(h.db, actor, round.id, [
      { groupId: team.id, perspective: 'person-using-service', count: 1 },
    ])
    const base = `/r/${link?.token}`
    const page = await (await h.app.request(`${base}/domains/1`)).text()
    expect(page.match(/<fieldset/g)?.length).toBe(9)
    expect(page).toContain('Little interest or pleasure in doing things')
    expect(page).toContain('id="item-_2f_44250-9"')
    expect(page).toContain('hx-target="#saved-_2f_44250-9"')
    expect(page).not.toMatch(/id="[^"]*\//)
    // The unscored total and difficulty question are not asked.
    expect(page).not.toContain('total score')

    const [first, second] = phq.items
    const saved = await postForm(
      h.app,
      `${base}/answers/${encodeURIComponent(first?.linkId ?? '')}`,
      { [fieldNames(first?.linkId ?? '').answer]: '2' },
      htmxHeaders,
    )
    expect(saved.status).toBe(200)
    expect(await saved.text()).toContain('Saved')
    const next = await postForm(h.app, `${base}/domains/1`, {
      ...Object.fromEntries(phq.items.map((item) => [fieldNames(item.linkId).answer, '1'])),
      [fieldNames(second?.linkId ?? '').answer]: '3',
      go: 'next',
    })
    expect(next.status).toBe(303)
    const stored = await h.db.select().from(answers)
    expect(new Map(stored.map((a) => [a.linkId, a.value]))).toEqual(
      new Map(phq.items.map((item) => [item.linkId, item.linkId === second?.linkId ? 3 : 1])),
    )
  })
})
