import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { type CatalogueEntry, getInstrument } from '../db/queries/instruments'
import type { SignedInEnv } from '../env'
import type { Instrument } from '../instruments/definition'
import { requireThat } from './authorise'

/** The instrument version named by the :slug and :version of the path, or a 404. */
export async function loadVersion(c: Context<SignedInEnv>): Promise<CatalogueEntry> {
  const slug = c.req.param('slug') ?? ''
  const version = Number(c.req.param('version'))
  const entry = Number.isInteger(version)
    ? await getInstrument(c.var.db, c.var.organisation.id, slug, version)
    : null
  if (!entry) throw new HTTPException(404)
  return entry
}

/** A version that may still be edited: the organisation's own, and a draft; otherwise a 409. */
export function requireDraft({ instrument, source }: CatalogueEntry) {
  if (source === 'built-in') {
    throw new HTTPException(409, {
      message: `${instrument.title} is built in to the service and cannot be changed. To adapt an instrument, import it as your own from a FHIR Questionnaire.`,
    })
  }
  if (instrument.status !== 'draft') throw publishedConflict(instrument)
  return instrument
}

export function publishedConflict(instrument: Instrument) {
  return new HTTPException(409, {
    message: `${instrument.title} version ${instrument.version} is published, and a published version is never changed. Start the next version to make changes.`,
  })
}

/** Importing, editing and publishing instruments: strategy leads and admins. */
export const manageInstruments = requireThat('manageInstruments')

/** The question of a version the path names by its linkId; none is a 404. */
export function itemOf(instrument: Instrument, linkId: string | undefined) {
  const item = instrument.items.find((i) => i.linkId === linkId)
  if (!item) throw new HTTPException(404)
  return item
}
