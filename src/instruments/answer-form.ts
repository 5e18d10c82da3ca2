import { z } from 'zod'
import { type Instrument, type Item, scaleOf } from './definition'
import { hasHiddenCharacters, hiddenCharactersMessage } from './hidden-characters'
import { wholeNumber } from './numbers'
import type { AnswerValue } from './scoring'

export const maxCommentLength = 2000

/**
 * An item's linkId as it may stand in an element id, a form field's name and a CSS selector. FHIR
 * lets a linkId hold any character ("/44250-9", "1.2 a"); letters, digits and hyphens stay, and
 * every other character becomes `_` and its code point in hex and `_`, so no two linkIds meet.
 */
export const itemKey = (linkId: string) =>
  linkId.replace(/[^A-Za-z0-9-]/gu, (char) => `_${char.codePointAt(0)?.toString(16)}_`)

/** The form fields of one item: its choice, its comment and, in consensus mode, the dissent. */
export const fieldNames = (linkId: string) => {
  const key = itemKey(linkId)
  return { answer: `answer-${key}`, comment: `comment-${key}`, dissent: `dissent-${key}` }
}

export type ChoiceOption = { value: string; label: string; descriptor: string | undefined }

/** The choices an item offers, as form values: its scale's levels, then NA and DK if allowed. */
export function choicesOf(instrument: Instrument, item: Item): ChoiceOption[] {
  return [
    ...scaleOf(instrument, item).levels.map((level) => ({
      value: String(level.value),
      label: level.label,
      descriptor: level.descriptor,
    })),
    ...(item.allowNA ? [{ value: 'NA', label: 'Not applicable', descriptor: undefined }] : []),
    ...(item.allowDK ? [{ value: 'DK', label: 'Don’t know', descriptor: undefined }] : []),
  ]
}

const longText = (what: string) =>
  z
    .string()
    .max(maxCommentLength, `${what} must be ${wholeNumber(maxCommentLength)} characters or fewer`)
    .refine((text) => !hasHiddenCharacters(text), hiddenCharactersMessage)
    .optional()

/** The schema of one item's fields, derived from the instrument so the choices are its own. */
function buildItemSchema(instrument: Instrument, item: Item, consensus: boolean) {
  const names = fieldNames(item.linkId)
  const values = choicesOf(instrument, item).map((c) => c.value) as [string, ...string[]]
  return z.object({
    [names.answer]: z.enum(values, { error: 'Choose one of the answers listed' }).optional(),
    [names.comment]: longText(consensus ? 'The evidence' : 'Your comment'),
    ...(consensus ? { [names.dissent]: longText('The dissent') } : {}),
  })
}

/** Each item's schemas, built once for as long as its instrument is held (every answer saved reads one). */
const itemSchemas = new WeakMap<Item, Map<string, ReturnType<typeof buildItemSchema>>>()
function itemSchema(instrument: Instrument, item: Item, consensus: boolean) {
  let schemas = itemSchemas.get(item)
  if (!schemas) {
    schemas = new Map()
    itemSchemas.set(item, schemas)
  }
  const key = `${instrument.slug}@${instrument.version}:${consensus}`
  let schema = schemas.get(key)
  if (!schema) {
    schema = buildItemSchema(instrument, item, consensus)
    schemas.set(key, schema)
  }
  return schema
}

export type ItemAnswer = {
  linkId: string
  value: AnswerValue | null
  comment: string | null
  dissent: string | null
}

/**
 * Reads one item's fields from a posted form: the answer to save, or the problem with each field.
 * An item with none of its fields in the form is left out (it was not on the page).
 */
export function readItem(
  instrument: Instrument,
  item: Item,
  form: Record<string, unknown>,
  consensus: boolean,
): { answer: ItemAnswer | null; errors: Record<string, string> } {
  const names = fieldNames(item.linkId)
  const fields = Object.fromEntries(
    Object.entries(form).filter(([key]) => Object.values(names).includes(key)),
  )
  if (Object.keys(fields).length === 0) return { answer: null, errors: {} }
  const parsed = itemSchema(instrument, item, consensus).safeParse(fields)
  if (!parsed.success) {
    const errors: Record<string, string> = {}
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message
    return { answer: null, errors }
  }
  const chosen = parsed.data[names.answer]
  const text = (name: string) => (parsed.data[name] as string | undefined)?.trim() || null
  return {
    answer: {
      linkId: item.linkId,
      value:
        chosen === undefined ? null : chosen === 'NA' || chosen === 'DK' ? chosen : Number(chosen),
      comment: text(names.comment),
      dissent: consensus ? text(names.dissent) : null,
    },
    errors: {},
  }
}
