import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import {
  getInstrument,
  insertDraftInstrument,
  latestVersion,
  listInstruments,
  moveInstrumentStatus,
  updateDraftInstrument,
} from '../../src/db/queries/instruments'
import { instruments } from '../../src/db/schema'
import { createOrganisation, createOwnInstrument, ownInstrument } from '../helpers/factories'

describe('instrument queries', () => {
  it('lists the built-ins and the organisation’s own versions, and no other organisation’s', async () => {
    const { db } = await freshHarness()
    const mine = await createOrganisation(db, { name: 'Mine' })
    const theirs = await createOrganisation(db, { name: 'Theirs' })
    await createOwnInstrument(db, mine.id)
    await createOwnInstrument(db, theirs.id, { slug: 'their-survey', title: 'Their survey' })

    const listed = (await listInstruments(db, mine.id)).map(
      (e) => `${e.source}:${e.instrument.slug}`,
    )
    expect(listed).toEqual([
      'built-in:org-recovery-exec',
      'built-in:team-recovery-focus',
      'organisation:ward-voices',
    ])
    expect(await getInstrument(db, mine.id, 'their-survey', 1)).toBeNull()
    expect((await getInstrument(db, theirs.id, 'their-survey', 1))?.instrument.title).toBe(
      'Their survey',
    )
  })

  it('stores a draft once, however often it is submitted', async () => {
    const { db } = await freshHarness()
    const org = await createOrganisation(db)
    expect(await insertDraftInstrument(db, org.id, ownInstrument())).toBe(true)
    expect(await insertDraftInstrument(db, org.id, ownInstrument({ title: 'Again' }))).toBe(false)
    expect(await db.select().from(instruments)).toHaveLength(1)
    expect(await latestVersion(db, org.id, 'ward-voices')).toBe(1)
  })

  it('edits a draft, and refuses to edit a published version', async () => {
    const { db } = await freshHarness()
    const org = await createOrganisation(db)
    const draft = await createOwnInstrument(db, org.id)
    expect(
      await updateDraftInstrument(db, org.id, { ...draft, title: 'Ward voices (revised)' }),
    ).toBe(true)
    expect(await moveInstrumentStatus(db, org.id, 'ward-voices', 1, 'publish')).toBe(true)
    expect(await moveInstrumentStatus(db, org.id, 'ward-voices', 1, 'publish')).toBe(false)
    expect(
      await updateDraftInstrument(db, org.id, { ...draft, title: 'Changed after publishing' }),
    ).toBe(false)
    const found = await getInstrument(db, org.id, 'ward-voices', 1)
    expect(found?.instrument).toMatchObject({ title: 'Ward voices (revised)', status: 'active' })
  })

  it('has the database itself refuse to change, unpublish or delete a published version', async () => {
    const { db } = await freshHarness()
    const org = await createOrganisation(db)
    await createOwnInstrument(db, org.id, { published: true })
    const row = and(eq(instruments.organisationId, org.id), eq(instruments.slug, 'ward-voices'))
    await expect(db.update(instruments).set({ title: 'Sneaky edit' }).where(row)).rejects.toThrow()
    await expect(db.update(instruments).set({ status: 'draft' }).where(row)).rejects.toThrow()
    await expect(db.delete(instruments).where(row)).rejects.toThrow()
    const [published] = await db.select().from(instruments).where(row)
    // A replacement by id or by slug and version is passed over: the version stays as published.
    await db.run(
      sql`insert or replace into instruments (id, organisation_id, slug, version, title, status, definition, created_at) select id, organisation_id, slug, version, 'Replaced', 'draft', definition, created_at from instruments where slug = 'ward-voices'`,
    )
    await db.run(
      sql`insert or replace into instruments (id, organisation_id, slug, version, title, status, definition, created_at) select 'another-id', organisation_id, slug, version, 'Replaced', 'draft', definition, created_at from instruments where slug = 'ward-voices'`,
    )
    expect(await db.select().from(instruments).where(row)).toEqual([published])
    expect(await moveInstrumentStatus(db, org.id, 'ward-voices', 1, 'retire')).toBe(true)
    const [stored] = await db.select().from(instruments).where(row)
    expect(stored).toMatchObject({ title: 'Ward voices', status: 'retired' })
  })
})
