import type { Db } from '../../src/db/client'
import { insertDraftInstrument, moveInstrumentStatus } from '../../src/db/queries/instruments'
import { organisations } from '../../src/db/schema'
import type { Instrument } from '../../src/instruments/definition'
import { findBuiltIn } from '../../src/instruments/registry'

export async function createOrganisation(
  db: Db,
  { name = 'Northmoor Trust' }: { name?: string } = {},
) {
  const organisation = { id: crypto.randomUUID(), name, createdAt: new Date().toISOString() }
  await db.insert(organisations).values(organisation)
  return organisation
}

/** An organisation-owned copy of the team instrument under another slug, as a draft. */
export function ownInstrument(overrides: Partial<Instrument> = {}): Instrument {
  const team = findBuiltIn('team-recovery-focus', 1)
  if (!team) throw new Error('team-recovery-focus v1 missing')
  return {
    ...structuredClone(team),
    url: 'https://trust.example/Questionnaire/ward-voices',
    slug: 'ward-voices',
    title: 'Ward voices',
    status: 'draft',
    ...overrides,
  }
}

export async function createOwnInstrument(
  db: Db,
  organisationId: string,
  { published = false, ...overrides }: Partial<Instrument> & { published?: boolean } = {},
) {
  const instrument = ownInstrument(overrides)
  await insertDraftInstrument(db, organisationId, instrument)
  if (published) {
    await moveInstrumentStatus(db, organisationId, instrument.slug, instrument.version, 'publish')
  }
  return instrument
}
