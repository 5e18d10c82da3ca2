import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { InstrumentListPage, instrumentPath } from '../../views/pages/instruments/list'
import { VersionPage } from '../../views/pages/instruments/version'
import { auditInsert } from '../db/queries/audit'
import {
  insertDraftInstrument,
  latestVersion,
  listInstruments,
  moveInstrumentStatus,
} from '../db/queries/instruments'
import type { SignedInEnv } from '../env'
import { toQuestionnaire } from '../instruments/fhir/questionnaire'
import { draftNextVersion } from '../instruments/versions'
import { actorOf, may } from '../lib/authorise'
import { loadVersion, manageInstruments, requireDraft } from '../lib/instrument-params'
import { redirectAfterPost } from '../lib/responses'
import { render } from './render'

/** Publishing, retiring and new versions go in the audit log, each after its change is stored. */
async function recordInstrumentChange(
  c: Context<SignedInEnv>,
  action: string,
  version: { slug: string; version: number },
) {
  await auditInsert(c.var.db, {
    ...actorOf(c),
    action,
    subjectType: 'instrument',
    subjectId: `${version.slug}|${version.version}`,
    after: version,
  })
}

export const instrumentsRoutes = new Hono<SignedInEnv>()
  .get('/', async (c) => {
    const entries = await listInstruments(c.var.db, c.var.organisation.id)
    const canManage = may.manageInstruments(c.var.signedIn.grants)
    return render(c, <InstrumentListPage entries={entries} canManage={canManage} />, {
      title: 'Instruments',
    })
  })
  .get('/:slug/:version', async (c) => {
    const { instrument, source } = await loadVersion(c)
    const canManage = may.manageInstruments(c.var.signedIn.grants)
    return render(
      c,
      <VersionPage
        instrument={instrument}
        source={source}
        canManage={canManage}
        imported={c.req.query('imported') === '1' && source === 'organisation'}
      />,
      {
        title: `${instrument.title}, version ${instrument.version}`,
      },
    )
  })
  .get('/:slug/:version/questionnaire.json', async (c) => {
    const { instrument } = await loadVersion(c)
    c.header('Content-Type', 'application/fhir+json; charset=utf-8')
    c.header(
      'Content-Disposition',
      `attachment; filename="${instrument.slug}-v${instrument.version}.questionnaire.json"`,
    )
    return c.body(JSON.stringify(toQuestionnaire(instrument), null, 2))
  })
  .post('/:slug/:version/publish', manageInstruments, async (c) => {
    const entry = await loadVersion(c)
    if (entry.instrument.status === 'draft') {
      const { slug, version } = requireDraft(entry)
      if (await moveInstrumentStatus(c.var.db, c.var.organisation.id, slug, version, 'publish')) {
        await recordInstrumentChange(c, 'instrument.published', { slug, version })
      }
    }
    return redirectAfterPost(c, instrumentPath(entry.instrument.slug, entry.instrument.version))
  })
  .post('/:slug/:version/retire', manageInstruments, async (c) => {
    const { instrument, source } = await loadVersion(c)
    if (source === 'built-in')
      throw new HTTPException(409, {
        message: 'Built-in instruments are retired only by the service.',
      })
    const { slug, version } = instrument
    if (await moveInstrumentStatus(c.var.db, c.var.organisation.id, slug, version, 'retire')) {
      await recordInstrumentChange(c, 'instrument.retired', { slug, version })
    }
    return redirectAfterPost(c, instrumentPath(instrument.slug, instrument.version))
  })
  .post('/:slug/:version/next-version', manageInstruments, async (c) => {
    const { instrument, source } = await loadVersion(c)
    if (source === 'built-in' || instrument.status === 'draft') {
      throw new HTTPException(409, {
        message:
          source === 'built-in'
            ? 'New versions of built-in instruments come with the service.'
            : 'A draft is changed as it is; a next version starts from a published one.',
      })
    }
    const latest =
      (await latestVersion(c.var.db, c.var.organisation.id, instrument.slug)) ?? instrument.version
    if (latest === instrument.version) {
      const next = draftNextVersion(instrument)
      if (await insertDraftInstrument(c.var.db, c.var.organisation.id, next)) {
        await recordInstrumentChange(c, 'instrument.version-started', {
          slug: next.slug,
          version: next.version,
        })
      }
    }
    return redirectAfterPost(
      c,
      instrumentPath(instrument.slug, Math.max(latest, instrument.version + 1)),
    )
  })
