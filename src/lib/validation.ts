import { zValidator } from '@hono/zod-validator'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv, SignedInEnv } from '../env'
import { readDate } from '../instruments/dates'
import { hasHiddenCharacters, hiddenCharactersMessage } from '../instruments/hidden-characters'
import { megabytes } from './security'

export type FieldErrors = Record<string, string>
export type FormValues = Record<string, string>

type InvalidFormRenderer<E extends AppEnv> = (
  c: Context<E>,
  errors: FieldErrors,
  values: FormValues,
) => Response | Promise<Response>

/** The first message for each field, keyed by field name. */
export function fieldErrors(error: z.core.$ZodError): FieldErrors {
  const flat: Record<string, string[] | undefined> = z.flattenError(error).fieldErrors
  return Object.fromEntries(
    Object.entries(flat).flatMap(([field, messages]) =>
      messages?.[0] ? [[field, messages[0]]] : [],
    ),
  )
}

/** A date field (YYYY-MM-DD once its day, month and year are put together) that must be a real date. */
export const isoDate = (missing: string) =>
  z
    .string({ error: missing })
    .min(1, missing)
    .refine((s) => readDate(s) === s, 'Enter a real date, with the day, month and year as numbers')

/**
 * A date typed in a date input's three boxes (`name-day`, `name-month`, `name-year`) as one field
 * `name` (YYYY-MM-DD); empty when every box is, so that the field's own message asks for it.
 */
export function withDates(data: unknown) {
  if (typeof data !== 'object' || data === null) return data
  const form = { ...(data as Record<string, unknown>) }
  for (const key of Object.keys(form)) {
    const name = /^(.+)-day$/.exec(key)?.[1]
    if (!name || !(`${name}-month` in form) || !(`${name}-year` in form)) continue
    const [day, month, year] = ['day', 'month', 'year'].map((part) =>
      String(form[`${name}-${part}`] ?? '').trim(),
    )
    form[name] =
      day === '' && month === '' && year === ''
        ? ''
        : `${year}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`
  }
  return form
}

const emailFormat = 'Enter an email address in the correct format, like name@example.com'

/** An email address, trimmed: what a person signs in with. */
export const emailField = z
  .string({ error: emailFormat })
  .trim()
  .pipe(z.email({ error: emailFormat }).max(254, 'Email address must be 254 characters or fewer'))

export const organisationNameMaxLength = 120

const text = (blank: string, max: number, tooLong: string) =>
  z.string({ error: blank }).trim().min(1, blank).max(max, tooLong)

/** A new organisation: its name, and its first admin's name and email address. */
export const newOrganisationFields = {
  name: text(
    'Enter the organisation name',
    organisationNameMaxLength,
    `Organisation name must be ${organisationNameMaxLength} characters or fewer`,
  ),
  adminName: text('Enter the admin’s name', 120, 'Name must be 120 characters or fewer'),
  email: emailField,
}

/** A required text field of at most max characters, with messages naming what it is. */
export const requiredText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `${what[0]?.toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`)

/** Checkboxes of one name: none, one or many values, as a list. */
export const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))

function formValues(data: unknown): FormValues {
  if (typeof data !== 'object' || data === null) return {}
  return Object.fromEntries(
    Object.entries(data).flatMap(([key, value]) =>
      typeof value === 'string' ? [[key, value]] : [],
    ),
  )
}

const hasHidden = (value: unknown): boolean =>
  typeof value === 'string'
    ? hasHiddenCharacters(value)
    : Array.isArray(value) && value.some(hasHidden)

/** Each field of a form holding a hidden character (see hasHiddenCharacters), with what to do. */
export function hiddenCharacterErrors(data: unknown): FieldErrors {
  if (typeof data !== 'object' || data === null) return {}
  return Object.fromEntries(
    Object.entries(data)
      .filter(([, value]) => hasHidden(value))
      .map(([key]) => [key, hiddenCharactersMessage]),
  )
}

/**
 * Validates a form body once, at the edge. An invalid one is answered by the caller's own form,
 * re-rendered with the errors beside each field and status 422, which htmx swaps in and a plain
 * browser shows as a page, never the validator's default JSON 400. A field holding hidden
 * characters (see hasHiddenCharacters) is invalid whatever its schema says.
 */
export function validForm<S extends z.ZodType, E extends AppEnv = SignedInEnv>(
  schema: S,
  renderInvalid: InvalidFormRenderer<E>,
) {
  return zValidator('form', z.preprocess(withDates, schema), async (result, c) => {
    const hidden = hiddenCharacterErrors(result.data)
    if (result.success && Object.keys(hidden).length === 0) return
    // The hook is typed against Hono's base Env; at run time c is the route's own context.
    const appContext = c as unknown as Context<E>
    const errors = result.success
      ? hidden
      : { ...hidden, ...fieldErrors(result.error as z.core.$ZodError) }
    return renderInvalid(appContext, errors, formValues(result.data))
  })
}

/**
 * A posted form's fields. A URL-encoded body (what browsers and htmx send without a file) is read
 * as text, at a fifth of the cost of parsing it as form data: a respondent's every saved answer
 * is one. The last of repeated fields counts, as with `parseBody()`.
 */
export async function formFields(c: Context): Promise<Record<string, string | File>> {
  if (c.req.header('Content-Type')?.startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(await c.req.text()))
  return c.req.parseBody()
}

/** An uploaded file: present, not empty, and no larger than the limit. */
export const uploadedFile = (what: string, maxBytes: number) =>
  z
    .instanceof(File, { error: `Choose ${what} to upload` })
    .refine((file) => file.size > 0, `Choose ${what} to upload`)
    .refine((file) => file.size <= maxBytes, `The file must be ${megabytes(maxBytes)} or smaller`)
