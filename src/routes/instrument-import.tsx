import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { ImportPage } from '../../views/pages/instruments/import'
import { instrumentPath } from '../../views/pages/instruments/list'
import { auditInsert } from '../db/queries/audit'
import { insertDraftInstrument, listInstruments } from '../db/queries/instruments'
import type { SignedInEnv } from '../env'
import { parseInstrument, perspectives } from '../instruments/definition'
import { fromQuestionnaire } from '../instruments/fhir/import'
import { builtInSlugs } from '../instruments/registry'
import { actorOf } from '../lib/authorise'
import { manageInstruments } from '../lib/instrument-params'
import { redirectAfterPost } from '../lib/responses'
import { questionnaireFileBytes } from '../lib/security'
import { type FieldErrors, uploadedFile, validForm } from '../lib/validation'
import { render } from './render'

const importSchema = z.object({
  file: uploadedFile('a FHIR Questionnaire file', questionnaireFileBytes),
  perspective: z.enum(perspectives).default('staff'),
})

const importTitle = 'Import a FHIR Questionnaire'

function renderImport(
  c: Context<SignedInEnv>,
  errors: FieldErrors,
  problems: string[],
  perspective?: string,
) {
  return render(c, <ImportPage errors={errors} problems={problems} perspective={perspective} />, {
    title: `Error: ${importTitle}`,
    status: 422,
  })
}

/**
 * A FHIR Questionnaire from elsewhere as a draft instrument of the organisation's own: every
 * problem of the file listed at once and nothing stored, or the draft and its import summary.
 */
export const instrumentImportRoutes = new Hono<SignedInEnv>()
  .use('/import', manageInstruments)
  .get('/import', (c) =>
    render(c, <ImportPage errors={{}} problems={[]} />, { title: importTitle }),
  )
  .post(
    '/import',
    validForm(importSchema, (c, errors, values) => renderImport(c, errors, [], values.perspective)),
    async (c) => {
      const { file, perspective } = c.req.valid('form')
      let json: unknown
      try {
        json = JSON.parse(await file.text())
      } catch {
        return renderImport(c, { file: 'The file is not valid JSON' }, [], perspective)
      }
      const cannotImport = (problems: string[]) => {
        const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
        const file = `This Questionnaire cannot be imported: ${count}, listed below`
        return renderImport(c, { file }, problems, perspective)
      }
      const result = fromQuestionnaire(json, perspective, builtInSlugs)
      if (!result.ok) return cannotImport(result.problems)
      const { definition } = result
      const { slug, versionLabel } = definition
      const exists = () =>
        `Version ${versionLabel ? `"${versionLabel}"` : definition.version} of ${slug} exists already; give the Questionnaire a later version`
      const versions = (await listInstruments(c.var.db, c.var.organisation.id))
        .map((entry) => entry.instrument)
        .filter((instrument) => instrument.slug === slug)
      // A version named otherwise than by a whole number takes the next number in the service's
      // order, unless the file gives its own.
      if (!result.orderGiven)
        definition.version = Math.max(0, ...versions.map((v) => v.version)) + 1
      if (
        versions.some(
          (v) =>
            v.version === definition.version ||
            (versionLabel !== undefined && v.versionLabel === versionLabel),
        )
      )
        return cannotImport([exists()])
      const instrument = parseInstrument(definition)
      // Another import may have taken this version since the check: then this one stores nothing.
      if (!(await insertDraftInstrument(c.var.db, c.var.organisation.id, instrument)))
        return cannotImport([exists()])
      await auditInsert(c.var.db, {
        ...actorOf(c),
        action: 'instrument.imported',
        subjectType: 'instrument',
        subjectId: `${slug}|${instrument.version}`,
        after: { slug, version: instrument.version, url: instrument.url },
      })
      return redirectAfterPost(
        c,
        `${instrumentPath(instrument.slug, instrument.version)}?imported=1`,
      )
    },
  )
