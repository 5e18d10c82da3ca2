import { z } from 'zod'
import { type Instrument, perspectives } from '../instruments/definition'
import type { FormValues } from '../lib/validation'

/** A draft's title and description, as its form sends them. */
export const detailsSchema = z.object({
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

/** A question's wording for each perspective, and its help text. */
const wording = z.string().trim().max(1000, 'Wording must be 1,000 characters or fewer').optional()
export const itemSchema = z.object({
  ...Object.fromEntries(perspectives.map((p) => [`text-${p}`, wording])),
  help: z.string().trim().max(1000, 'Help text must be 1,000 characters or fewer').optional(),
}) as z.ZodType<Record<string, string | undefined>>

export const itemValues = (item: Instrument['items'][number]): FormValues => ({
  ...Object.fromEntries(Object.entries(item.text).map(([p, t]) => [`text-${p}`, t ?? ''])),
  help: item.help ?? '',
})
