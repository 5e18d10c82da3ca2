import type { Questionnaire } from 'fhir/r4'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { auditLog, instruments } from '../../src/db/schema'
import { toQuestionnaire } from '../../src/instruments/fhir/questionnaire'
import phq9 from '../fixtures/loinc-phq-9.json'
import { createOrganisation, createOwnInstrument, ownInstrument } from '../helpers/factories'
import { setUpAndSignIn } from '../helpers/signed-in'

const setUp = async () => setUpAndSignIn(await freshHarness())

const questionnaireFile = (overrides: Partial<Questionnaire> = {}) => ({
  name: 'ward-voices.json',
  content: JSON.stringify({ ...toQuestionnaire(ownInstrument()), ...overrides }),
})

describe('instrument screens', () => {
  it('lists the built-in instruments with version, status and item count', async () => {
    const h = await setUp()
    const res = await h.get('/instruments')
    expect(res.status).toBe(200)
    const body = await res.text()
    expect(body).toContain(
      '<a href="/instruments/org-recovery-exec/1">Organisational recovery focus: executive self-assessment</a>',
    )
    expect(body).toMatch(/org-recovery-exec\/1">[\s\S]*?Published[\s\S]*?>35</)
    expect(body).toMatch(/team-recovery-focus\/1">[\s\S]*?Published[\s\S]*?>24</)
  })

  it('shows a version with its domains, items, scale descriptors and a FHIR download', async () => {
    const h = await setUp()
    const body = await (await h.get('/instruments/org-recovery-exec/1')).text()
    expect(body).toContain('35 questions in 10 domains')
    expect(body).toContain('Scale: Stage of development (STAGE4)')
    expect(body).toContain(
      'It is routine across the organisation, checked regularly and sustained.',
    )
    expect(body).toContain('D08 Lived-experience workforce')
    expect(body).toContain('Every clinical team includes peer support workers.')
    expect(body).toContain('href="/instruments/org-recovery-exec/1/questionnaire.json"')
    expect(body).not.toContain('Publish this version')

    const download = await h.get('/instruments/org-recovery-exec/1/questionnaire.json')
    expect(download.headers.get('Content-Type')).toContain('application/fhir+json')
    expect(download.headers.get('Content-Disposition')).toBe(
      'attachment; filename="org-recovery-exec-v1.questionnaire.json"',
    )
    const q = (await download.json()) as Questionnaire
    expect(q.resourceType).toBe('Questionnaire')
    expect(q.item?.flatMap((g) => g.item ?? [])).toHaveLength(35)
  })

  it('answers 404 for an unknown instrument or version', async () => {
    const h = await setUp()
    for (const path of [
      '/instruments/nothing/1',
      '/instruments/org-recovery-exec/9',
      '/instruments/org-recovery-exec/one',
    ]) {
      expect((await h.get(path)).status).toBe(404)
    }
  })

  it('imports a FHIR Questionnaire as a draft, and a repeated upload stores nothing new', async () => {
    const h = await setUp()
    const res = await h.upload('/instruments/import', questionnaireFile())
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/instruments/ward-voices/1?imported=1')
    const page = await (await h.get('/instruments/ward-voices/1?imported=1')).text()
    expect(page).toContain('Imported as a draft: 24 questions in 10 domains.')
    expect(page).toContain('Draft')
    expect(page).toContain('Publish this version')

    const again = await h.upload('/instruments/import', questionnaireFile())
    expect(again.status).toBe(422)
    expect(await again.text()).toContain('Version 1 of ward-voices exists already')
    expect(await h.db.select().from(instruments)).toHaveLength(1)
  })

  it('imports LOINC’s PHQ-9 as published, names what it keeps unscored, and writes its codes back out', async () => {
    const h = await setUp()
    const file = { name: 'phq-9.json', content: JSON.stringify(phq9) }
    const res = await h.upload('/instruments/import', file)
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/instruments/phq9/1?imported=1')
    const page = await (await h.get('/instruments/phq9/1?imported=1')).text()
    expect(page).toContain(
      'Imported as a draft: 9 questions scored in 1 domain; 2 items kept but not scored',
    )
    expect(page).toContain(
      '1.0.0 (as its Questionnaire names it; number 1 in this service’s order)',
    )
    const notScored = page.slice(page.indexOf('id="not-scored"'))
    expect(notScored).toContain('Patient Health Questionnaire 9 item (PHQ-9) total score')
    expect(notScored).toContain('how difficult have these problems made it for you')
    // Its linkIds begin with "/": each question's page is reached by its linkId all the same.
    const href = `/instruments/phq9/1/items/${encodeURIComponent('/44250-9')}`
    expect(page).toContain(`href="${href}"`)
    const item = await h.get(href)
    expect(item.status).toBe(200)
    expect(await item.text()).toContain('Little interest or pleasure in doing things')
    const download = await (await h.get('/instruments/phq9/1/questionnaire.json')).text()
    for (const code of ['44249-1', '44250-9', '44261-6', '69722-7', 'LA6568-5', 'LA6571-9'])
      expect(download).toContain(`"${code}"`)
    expect(JSON.parse(download)).toMatchObject({ url: phq9.url, version: '1.0.0' })

    const again = await h.upload('/instruments/import', file)
    expect(again.status).toBe(422)
    expect(await again.text()).toContain('Version &quot;1.0.0&quot; of phq9 exists already')
    expect(await h.db.select().from(instruments)).toHaveLength(1)
    const audited = (await h.db.select().from(auditLog)).filter(
      (a) => a.action === 'instrument.imported',
    )
    expect(audited).toHaveLength(1)
  })

  it('stores one draft of 10 imports of one Questionnaire sent at once, and audits it once', async () => {
    const h = await setUp()
    const file = { name: 'phq-9.json', content: JSON.stringify(phq9) }
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => h.upload('/instruments/import', file)),
    )
    const statuses = answers.map((res) => res.status).sort()
    expect(statuses).toEqual([303, ...Array(9).fill(422)])
    expect(await h.db.select().from(instruments)).toHaveLength(1)
    const audited = (await h.db.select().from(auditLog)).filter(
      (a) => a.action === 'instrument.imported',
    )
    expect(audited).toHaveLength(1)
  })

  it('lists every problem of a Questionnaire it cannot import, and stores nothing', async () => {
    const h = await setUp()
    const broken = {
      resourceType: 'Questionnaire',
      name: 'Broken',
      status: 'draft',
      item: [{ linkId: 'loose', type: 'string', text: 'Free text' }],
    }
    const res = await h.upload('/instruments/import', {
      name: 'broken.json',
      content: JSON.stringify(broken),
    })
    expect(res.status).toBe(422)
    const body = await res.text()
    expect(body).toContain('This Questionnaire cannot be imported: 2 problems, listed below')
    expect(body).toContain(
      '<li>Questionnaire.url is missing: an instrument needs a canonical url</li>',
    )
    expect(body).toContain('<li>The Questionnaire has no question the product can score</li>')
    expect(await h.db.select().from(instruments)).toHaveLength(0)
  })

  it.each([
    [
      'a file that is not JSON',
      { name: 'notes.json', content: 'not json' },
      'The file is not valid JSON',
    ],
    [
      'an empty file',
      { name: 'empty.json', content: '' },
      'Choose a FHIR Questionnaire file to upload',
    ],
    [
      'a built-in name',
      {
        name: 'exec.json',
        content: JSON.stringify({
          ...toQuestionnaire(ownInstrument()),
          identifier: [],
          name: 'OrgRecoveryExec',
        }),
      },
      'The name org-recovery-exec belongs to a built-in instrument',
    ],
  ])('refuses %s with a clear message', async (_, file, message) => {
    const h = await setUp()
    const res = await h.upload('/instruments/import', file)
    expect(res.status).toBe(422)
    expect(await res.text()).toContain(message)
    expect(await h.db.select().from(instruments)).toHaveLength(0)
  })

  it('never shows another organisation’s instruments', async () => {
    const h = await setUp()
    const other = await createOrganisation(h.db, { name: 'Other Trust' })
    await createOwnInstrument(h.db, other.id, { slug: 'their-survey', title: 'Their survey' })
    expect(await (await h.get('/instruments')).text()).not.toContain('Their survey')
    expect((await h.get('/instruments/their-survey/1')).status).toBe(404)
    expect((await h.get('/instruments/their-survey/1/questionnaire.json')).status).toBe(404)
    expect((await h.post('/instruments/their-survey/1/publish', {})).status).toBe(404)
  })
})
