import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { getInstrument } from '../../src/db/queries/instruments'
import { auditLog, instruments } from '../../src/db/schema'
import { createOwnInstrument } from '../helpers/factories'
import { htmxHeaders } from '../helpers/requests'
import { setUpAndSignIn } from '../helpers/signed-in'

const setUp = async () => setUpAndSignIn(await freshHarness())

describe('instrument drafts', () => {
  it('publishes a draft once; publishing again changes nothing', async () => {
    const h = await setUp()
    await createOwnInstrument(h.db, h.organisation.id)
    const res = await h.post('/instruments/ward-voices/1/publish', {})
    expect(res.status).toBe(303)
    expect(
      (await getInstrument(h.db, h.organisation.id, 'ward-voices', 1))?.instrument.status,
    ).toBe('active')
    expect((await h.post('/instruments/ward-voices/1/publish', {})).status).toBe(303)
    expect(await h.db.select().from(instruments)).toHaveLength(1)
    const published = await h.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'instrument.published'))
    expect(published).toHaveLength(1)
    expect(published[0]).toMatchObject({ subjectId: 'ward-voices|1', actorId: h.signedInId })
  })

  it('refuses with 409 and a clear message to edit a published or built-in version', async () => {
    const h = await setUp()
    await createOwnInstrument(h.db, h.organisation.id, { published: true })
    const attempts = [
      h.post('/instruments/ward-voices/1/edit', {
        title: 'New title',
        description: 'New',
      }),
      h.post('/instruments/ward-voices/1/items/T01', {
        'text-staff': 'x',
        'text-person-using-service': 'y',
      }),
      h.get('/instruments/ward-voices/1/edit'),
      h.post('/instruments/org-recovery-exec/1/edit', {
        title: 'New title',
        description: 'New',
      }),
    ]
    const responses = await Promise.all(attempts)
    expect(responses.map((r) => r.status)).toEqual([409, 409, 409, 409])
    expect(await responses[0]?.text()).toContain(
      'Ward voices version 1 is published, and a published version is never changed',
    )
    expect(await responses[3]?.text()).toContain('is built in to the service and cannot be changed')
    expect((await getInstrument(h.db, h.organisation.id, 'ward-voices', 1))?.instrument.title).toBe(
      'Ward voices',
    )
  })

  it('changes a draft’s details, with errors beside the fields when they are blank', async () => {
    const h = await setUp()
    await createOwnInstrument(h.db, h.organisation.id)
    const invalid = await h.post(
      '/instruments/ward-voices/1/edit',
      { title: ' ', description: '' },
      htmxHeaders,
    )
    expect(invalid.status).toBe(422)
    const fragment = await invalid.text()
    expect(fragment).toMatch(/^<form id="edit-details"/)
    expect(fragment).toContain('<a href="#title">Enter a title</a>')
    expect(fragment).toContain('<a href="#description">Enter a description</a>')

    const saved = await h.post('/instruments/ward-voices/1/edit', {
      title: 'Ward voices 2026',
      description: 'Asked on every ward.',
    })
    expect(saved.status).toBe(303)
    expect(
      (await getInstrument(h.db, h.organisation.id, 'ward-voices', 1))?.instrument,
    ).toMatchObject({
      title: 'Ward voices 2026',
      description: 'Asked on every ward.',
    })
  })

  it('starts the next version as a draft copy that records its lineage, once', async () => {
    const h = await setUp()
    await createOwnInstrument(h.db, h.organisation.id, { published: true })
    const res = await h.post('/instruments/ward-voices/1/next-version', {})
    expect(res.headers.get('Location')).toBe('/instruments/ward-voices/2')
    expect(
      (await h.post('/instruments/ward-voices/1/next-version', {})).headers.get('Location'),
    ).toBe('/instruments/ward-voices/2')
    expect(await h.db.select().from(instruments)).toHaveLength(2)
    const v2 = (await getInstrument(h.db, h.organisation.id, 'ward-voices', 2))?.instrument
    expect(v2).toMatchObject({
      status: 'draft',
      derivedFrom: 'https://trust.example/Questionnaire/ward-voices|1',
    })
    expect(v2?.lineage?.every((e) => e.change === 'kept')).toBe(true)

    const reworded = await h.post('/instruments/ward-voices/2/items/T01', {
      'text-staff': 'Everyone in our team believes the people we support can recover.',
      'text-person-using-service': 'Staff here believe I can get better.',
    })
    expect(reworded.status).toBe(303)
    const after = (await getInstrument(h.db, h.organisation.id, 'ward-voices', 2))?.instrument
    expect(after?.lineage?.find((e) => e.linkId === 'T01')?.change).toBe('reworded')
    expect(after?.items[0]?.text.staff).toBe(
      'Everyone in our team believes the people we support can recover.',
    )
    const page = await (await h.get('/instruments/ward-voices/2')).text()
    expect(page).toContain('23 kept, 1 reworded, 0 new, 0 removed.')
  })

  it('asks for the wording of every perspective when an item is changed', async () => {
    const h = await setUp()
    await createOwnInstrument(h.db, h.organisation.id)
    const res = await h.post('/instruments/ward-voices/1/items/T02', {
      'text-staff': 'Only staff wording',
    })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Enter the wording for person using the service')
  })
})
