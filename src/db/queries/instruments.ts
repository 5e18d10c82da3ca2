import { and, desc, eq } from 'drizzle-orm'
import {
  type Instrument,
  type InstrumentStatus,
  parseInstrument,
} from '../../instruments/definition'
import { builtInInstruments, findBuiltIn } from '../../instruments/registry'
import type { Db } from '../client'
import { instruments } from '../schema'

export type InstrumentSource = 'built-in' | 'organisation'
export type CatalogueEntry = { instrument: Instrument; source: InstrumentSource }

const fromRow = (row: typeof instruments.$inferSelect): Instrument =>
  parseInstrument({ ...row.definition, status: row.status })

const versionOf = (organisationId: string, slug: string, version: number) =>
  and(
    eq(instruments.organisationId, organisationId),
    eq(instruments.slug, slug),
    eq(instruments.version, version),
  )

/** Every instrument version the organisation can use: the built-ins, then its own. */
export async function listInstruments(db: Db, organisationId: string): Promise<CatalogueEntry[]> {
  const rows = await db
    .select()
    .from(instruments)
    .where(eq(instruments.organisationId, organisationId))
    .orderBy(instruments.slug, desc(instruments.version))
  return [
    ...builtInInstruments().map((instrument) => ({ instrument, source: 'built-in' as const })),
    ...rows.map((row) => ({ instrument: fromRow(row), source: 'organisation' as const })),
  ]
}

export async function getInstrument(
  db: Db,
  organisationId: string,
  slug: string,
  version: number,
): Promise<CatalogueEntry | null> {
  // A version named in a form or path that is not a whole number names no version.
  if (!Number.isSafeInteger(version) || version < 1) return null
  const builtIn = findBuiltIn(slug, version)
  if (builtIn) return { instrument: builtIn, source: 'built-in' }
  const [row] = await db
    .select()
    .from(instruments)
    .where(versionOf(organisationId, slug, version))
  return row ? { instrument: fromRow(row), source: 'organisation' } : null
}

export async function latestVersion(db: Db, organisationId: string, slug: string) {
  const [row] = await db
    .select({ version: instruments.version })
    .from(instruments)
    .where(and(eq(instruments.organisationId, organisationId), eq(instruments.slug, slug)))
    .orderBy(desc(instruments.version))
    .limit(1)
  return row?.version ?? null
}

/** Stores a draft; safe to repeat: a version that exists already is left as it is (false). */
export async function insertDraftInstrument(
  db: Db,
  organisationId: string,
  instrument: Instrument,
  now = new Date(),
): Promise<boolean> {
  const inserted = await db
    .insert(instruments)
    .values({
      id: crypto.randomUUID(),
      organisationId,
      slug: instrument.slug,
      version: instrument.version,
      status: 'draft',
      title: instrument.title,
      definition: { ...instrument, status: 'draft' },
      createdAt: now.toISOString(),
    })
    .onConflictDoNothing()
    .returning({ id: instruments.id })
  return inserted.length === 1
}

/** Replaces a draft's definition; returns false when the version is not (or no longer) a draft. */
export async function updateDraftInstrument(
  db: Db,
  organisationId: string,
  instrument: Instrument,
): Promise<boolean> {
  const updated = await db
    .update(instruments)
    .set({ title: instrument.title, definition: { ...instrument, status: 'draft' } })
    .where(
      and(
        versionOf(organisationId, instrument.slug, instrument.version),
        eq(instruments.status, 'draft'),
      ),
    )
    .returning({ id: instruments.id })
  return updated.length === 1
}

const nextStatus: Record<'publish' | 'retire', { from: InstrumentStatus; to: InstrumentStatus }> = {
  publish: { from: 'draft', to: 'active' },
  retire: { from: 'active', to: 'retired' },
}

/** Publishes a draft, or retires an active version; a repeat finds nothing to move and is harmless. */
export async function moveInstrumentStatus(
  db: Db,
  organisationId: string,
  slug: string,
  version: number,
  action: 'publish' | 'retire',
  now = new Date(),
): Promise<boolean> {
  const { from, to } = nextStatus[action]
  const stamp =
    action === 'publish' ? { publishedAt: now.toISOString() } : { retiredAt: now.toISOString() }
  const moved = await db
    .update(instruments)
    .set({ status: to, ...stamp })
    .where(and(versionOf(organisationId, slug, version), eq(instruments.status, from)))
    .returning({ id: instruments.id })
  return moved.length === 1
}

/** The instruments a round may use: the built-in ones and the organisation's published versions. */
export async function listPublishedInstruments(db: Db, organisationId: string) {
  return (await listInstruments(db, organisationId))
    .map((e) => e.instrument)
    .filter((i) => i.status !== 'draft')
}
