import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { EditDetailsForm, EditDetailsPage } from '../../views/pages/instruments/edit'
import { EditItemForm, EditItemPage } from '../../views/pages/instruments/edit-item'
import { instrumentPath } from '../../views/pages/instruments/list'
import { getInstrument, updateDraftInstrument } from '../db/queries/instruments'
import type { AppEnv } from '../env'
import {
  type Instrument,
  parseInstrument,
  perspectiveLabels,
  perspectives,
} from '../instruments/definition'
import { deriveLineage } from '../instruments/versions'
import { redirectAfterPost, render } from '../lib/htmx'
import {
  itemOf,
  loadVersion,
  manageInstruments,
  publishedConflict,
  requireDraft,
} from '../lib/instrument-params'
import { type FieldErrors, type FormValues, validForm } from '../lib/validation'

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

const itemValues = (item: Instrument['items'][number]): FormValues => ({
  ...Object.fromEntries(Object.entries(item.text).map(([p, t]) => [`text-${p}`, t ?? ''])),
  help: item.help ?? '',
})

/** A draft's title and description as a form, with any problems beside their fields. */
function renderDetails(
  c: Context<AppEnv>,
  draft: Instrument,
  values: FormValues,
  errors: FieldErrors,
) {
  const action = `${instrumentPath(draft.slug, draft.version)}/edit`
  const form = { action, values, errors }
  const invalid = Object.keys(errors).length > 0
  return render(c, <EditDetailsPage heading={draft.title} {...form} />, {
    title: `Change ${draft.title}`,
    errors,
    ...(invalid ? { fragment: <EditDetailsForm {...form} /> } : {}),
  })
}

export const instrumentDraftsRoutes = new Hono<AppEnv>()
  .use('/:slug/:version/edit', manageInstruments)
  .use('/:slug/:version/items/*', manageInstruments)
  .get('/:slug/:version/edit', async (c) => {
    const instrument = requireDraft(await loadVersion(c))
    const { title, description } = instrument
    return renderDetails(c, instrument, { title, description }, {})
  })
  .post(
    '/:slug/:version/edit',
    validForm(detailsSchema, async (c, errors, values) =>
      renderDetails(c, requireDraft(await loadVersion(c)), values, errors),
    ),
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
