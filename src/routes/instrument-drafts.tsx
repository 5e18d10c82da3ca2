import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { EditDetailsForm, EditDetailsPage } from '../../views/pages/instruments/edit'
import { EditItemForm, EditItemPage } from '../../views/pages/instruments/edit-item'
import { ImportPage } from '../../views/pages/instruments/import'
import { instrumentPath } from '../../views/pages/instruments/list'
import { auditInsert } from '../db/queries/audit'
import {
  getInstrument,
  insertDraftInstrument,
  isBuiltInSlug,
  listInstruments,
  updateDraftInstrument,
} from '../db/queries/instruments'
import type { AppEnv } from '../env'
import {
  type Instrument,
  parseInstrument,
  perspectiveLabels,
  perspectives,
} from '../instruments/definition'
import { fromQuestionnaire } from '../instruments/fhir/import'
import { deriveLineage } from '../instruments/versions'
import { actorOf, may, onlyWho, requireThat } from '../lib/authorise'
import { redirectAfterPost, render } from '../lib/htmx'
import { loadVersion, publishedConflict, requireDraft } from '../lib/instrument-params'
import { megabytes, questionnaireFileBytes } from '../lib/security'
import { type FieldErrors, type FormValues, validForm } from '../lib/validation'

const importSchema = z.object({
  file: z
    .instanceof(File, { error: 'Choose a FHIR Questionnaire file to upload' })
    .refine((file) => file.size > 0, 'Choose a FHIR Questionnaire file to upload')
    .refine(
      (file) => file.size <= questionnaireFileBytes,
      `The file must be ${megabytes(questionnaireFileBytes)} or smaller`,
    ),
  perspective: z.enum(perspectives).default('staff'),
})

const detailsSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Enter a title')
    .max(200, 'Title must be 200 characters or fewer'),
  description: z
    .string()
    .trim()
    .min(1, 'Enter a description')
    .max(2000, 'Description must be 2,000 characters or fewer'),
})

const wording = z.string().trim().max(1000, 'Wording must be 1,000 characters or fewer').optional()
const itemSchema = z.object({
  ...Object.fromEntries(perspectives.map((p) => [`text-${p}`, wording])),
  help: z.string().trim().max(1000, 'Help text must be 1,000 characters or fewer').optional(),
}) as z.ZodType<Record<string, string | undefined>>

const importTitle = 'Import a FHIR Questionnaire'

function renderImport(
  c: Context<AppEnv>,
  errors: FieldErrors,
  problems: string[],
  perspective?: string,
) {
  return render(c, <ImportPage errors={errors} problems={problems} perspective={perspective} />, {
    title: `Error: ${importTitle}`,
    status: 422,
  })
}

/** Saves a changed draft, with its lineage worked out again against the version before it. */
async function saveDraft(c: Context<AppEnv>, instrument: Instrument) {
  const previous = instrument.derivedFrom
    ? await getInstrument(c.var.db, c.var.organisation.id, instrument.slug, instrument.version - 1)
    : null
  const next = parseInstrument({
    ...instrument,
    ...(previous ? { lineage: deriveLineage(previous.instrument, instrument) } : {}),
  })
  if (!(await updateDraftInstrument(c.var.db, c.var.organisation.id, next)))
    throw publishedConflict(next)
  return redirectAfterPost(c, instrumentPath(next.slug, next.version))
}

function itemOf(instrument: Instrument, linkId: string | undefined) {
  const item = instrument.items.find((i) => i.linkId === linkId)
  if (!item) throw new HTTPException(404)
  return item
}

const itemValues = (item: Instrument['items'][number]): FormValues => ({
  ...Object.fromEntries(Object.entries(item.text).map(([p, t]) => [`text-${p}`, t ?? ''])),
  help: item.help ?? '',
})

const manage = requireThat(may.manageInstruments, onlyWho.manageInstruments)

export const instrumentDraftsRoutes = new Hono<AppEnv>()
  .use('/import', manage)
  .use('/:slug/:version/edit', manage)
  .use('/:slug/:version/items/*', manage)
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
      const result = fromQuestionnaire(json, perspective)
      if (!result.ok) return cannotImport(result.problems)
      const { definition } = result
      const { slug, versionLabel } = definition
      if (isBuiltInSlug(slug))
        return cannotImport([
          `The name ${slug} belongs to a built-in instrument; give the Questionnaire another name`,
        ])
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
  .get('/:slug/:version/edit', async (c) => {
    const instrument = requireDraft(await loadVersion(c))
    const action = `${instrumentPath(instrument.slug, instrument.version)}/edit`
    const values = { title: instrument.title, description: instrument.description }
    return render(
      c,
      <EditDetailsPage heading={instrument.title} action={action} values={values} errors={{}} />,
      {
        title: `Change ${instrument.title}`,
      },
    )
  })
  .post(
    '/:slug/:version/edit',
    validForm(detailsSchema, async (c, errors, values) => {
      const instrument = requireDraft(await loadVersion(c))
      const action = `${instrumentPath(instrument.slug, instrument.version)}/edit`
      return render(
        c,
        <EditDetailsPage
          heading={instrument.title}
          action={action}
          values={values}
          errors={errors}
        />,
        {
          title: `Error: Change ${instrument.title}`,
          status: 422,
          fragment: <EditDetailsForm action={action} values={values} errors={errors} />,
        },
      )
    }),
    async (c) => {
      const instrument = requireDraft(await loadVersion(c))
      return saveDraft(c, { ...instrument, ...c.req.valid('form') })
    },
  )
  .get('/:slug/:version/items/:linkId', async (c) => {
    const { instrument, props } = await itemForm(c, undefined, {})
    return render(c, <EditItemPage title={instrument.title} {...props} />, {
      title: `Change ${props.linkId}`,
    })
  })
  .post(
    '/:slug/:version/items/:linkId',
    validForm(itemSchema, (c, errors, values) => renderItemErrors(c, errors, values)),
    async (c) => {
      const instrument = requireDraft(await loadVersion(c))
      const item = itemOf(instrument, c.req.param('linkId'))
      const form = c.req.valid('form')
      const errors: FieldErrors = Object.fromEntries(
        instrument.perspectives
          .filter((p) => !form[`text-${p}`])
          .map((p) => [`text-${p}`, `Enter the wording for ${perspectiveLabels[p].toLowerCase()}`]),
      )
      if (Object.keys(errors).length > 0) return renderItemErrors(c, errors, form as FormValues)
      const text = Object.fromEntries(instrument.perspectives.map((p) => [p, form[`text-${p}`]]))
      const changed = { ...item, text, ...(form.help ? { help: form.help } : { help: undefined }) }
      return saveDraft(c, {
        ...instrument,
        items: instrument.items.map((i) => (i.linkId === item.linkId ? changed : i)),
      })
    },
  )

/** The draft, and the props of the form for the item named in the path. */
async function itemForm(c: Context<AppEnv>, values: FormValues | undefined, errors: FieldErrors) {
  const instrument = requireDraft(await loadVersion(c))
  const item = itemOf(instrument, c.req.param('linkId'))
  const props = {
    action: `${instrumentPath(instrument.slug, instrument.version)}/items/${encodeURIComponent(item.linkId)}`,
    linkId: item.linkId,
    perspectives: instrument.perspectives,
    values: values ?? itemValues(item),
    errors,
  }
  return { instrument, props }
}

async function renderItemErrors(c: Context<AppEnv>, errors: FieldErrors, values: FormValues) {
  const { instrument, props } = await itemForm(c, values, errors)
  return render(c, <EditItemPage title={instrument.title} {...props} />, {
    title: `Error: Change ${props.linkId}`,
    status: 422,
    fragment: <EditItemForm {...props} />,
  })
}
