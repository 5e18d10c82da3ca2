import { type Context, Hono } from 'hono'
import { EditDetailsForm, EditDetailsPage } from '../../views/pages/instruments/edit'
import { EditItemForm, EditItemPage } from '../../views/pages/instruments/edit-item'
import { instrumentPath } from '../../views/pages/instruments/list'
import { getInstrument, updateDraftInstrument } from '../db/queries/instruments'
import type { SignedInEnv } from '../env'
import { type Instrument, parseInstrument, perspectiveLabels } from '../instruments/definition'
import { deriveLineage } from '../instruments/versions'
import {
  itemOf,
  loadVersion,
  manageInstruments,
  publishedConflict,
  requireDraft,
} from '../lib/instrument-params'
import { redirectAfterPost } from '../lib/responses'
import { type FieldErrors, type FormValues, validForm } from '../lib/validation'
import { detailsSchema, itemSchema, itemValues } from './instrument-draft-forms'
import { render } from './render'

/** Saves a changed draft, with its lineage worked out again against the version before it. */
async function saveDraft(c: Context<SignedInEnv>, instrument: Instrument) {
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

/** A draft's title and description as a form, with any problems beside their fields. */
function renderDetails(
  c: Context<SignedInEnv>,
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

export const instrumentDraftsRoutes = new Hono<SignedInEnv>()
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
async function itemForm(
  c: Context<SignedInEnv>,
  values: FormValues | undefined,
  errors: FieldErrors,
) {
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

async function renderItemErrors(c: Context<SignedInEnv>, errors: FieldErrors, values: FormValues) {
  const { instrument, props } = await itemForm(c, values, errors)
  return render(c, <EditItemPage title={instrument.title} {...props} />, {
    title: `Error: Change ${props.linkId}`,
    status: 422,
    fragment: <EditItemForm {...props} />,
  })
}
