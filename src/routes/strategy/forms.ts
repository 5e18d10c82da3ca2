import { z } from 'zod'
import { noteField, valueField } from '../../../views/pages/strategy/metric'
import type { Metric } from '../../db/queries/metrics'
import {
  comparators,
  estimateInputs,
  metricCadences,
  metricDirections,
  metricScopes,
  objectiveStatuses,
} from '../../instruments/enums'
import { hasHiddenCharacters, hiddenCharactersMessage } from '../../instruments/hidden-characters'
import { readNumber } from '../../instruments/numbers'
import { monthlyPeriod, quarterlyPeriod } from '../../instruments/strategy'
import { csvFileBytes } from '../../lib/security'
import { isoDate, many, requiredText as text, uploadedFile } from '../../lib/validation'
import { domains } from './shared'

/** The forms of the strategy: what each field must hold, and the words when it does not. */

const domainKeys = new Set(domains.map((d) => d.key))

const number = (what: string) =>
  z
    .string()
    .min(1, `Enter ${what}`)
    .transform(readNumber)
    .refine(
      (n): n is number => n !== null,
      `${what[0]?.toUpperCase()}${what.slice(1)} must be a number`,
    )

export const workstreamSchema = z.object({
  name: text('the name', 120),
  purpose: text('the purpose', 1000),
  lead: text('the lead', 120),
  domains: many.refine(
    (keys) => keys.every((k) => domainKeys.has(k)),
    'Choose domains from the list',
  ),
})

export const objectiveSchema = z.object({
  title: text('the objective', 200),
  owner: text('the owner', 120),
  dueOn: isoDate('Enter the date it is due by'),
})

export const progressSchema = z.object({
  status: z.enum(objectiveStatuses, { error: 'Choose the status' }),
  note: text('a note of progress', 2000),
})

export const metricSchema = z
  .object({
    name: text('the name', 120),
    unit: text('the unit', 60),
    direction: z.enum(metricDirections, { error: 'Choose which way is better' }),
    scope: z.enum(metricScopes, { error: 'Choose what it is measured for' }),
    cadence: z.enum(metricCadences, { error: 'Choose how often it is measured' }),
    comparator: z.enum(comparators, { error: 'Choose how the target compares' }),
    targetValue: number('the target value'),
    coverageTarget: z.string().trim().default(''),
    dueOn: isoDate('Enter the date the target is due by'),
    baseline: z.string().trim().default(''),
    estimateInput: z
      .enum(['', ...estimateInputs], { error: 'Choose what the estimate takes from it' })
      .default('')
      .transform((input) => (input === '' ? null : input)),
  })
  .superRefine((form, ctx) => {
    const coverage = Number(form.coverageTarget)
    if (form.scope === 'team' && form.coverageTarget !== '' && !(coverage > 0 && coverage <= 100))
      ctx.addIssue({
        code: 'custom',
        path: ['coverageTarget'],
        message: 'The teams to reach it must be a percentage from 1 to 100',
      })
    if (form.baseline !== '' && !Number.isFinite(Number(form.baseline)))
      ctx.addIssue({ code: 'custom', path: ['baseline'], message: 'The baseline must be a number' })
  })

export const uploadSchema = z.object({
  file: uploadedFile('a CSV file', csvFileBytes),
})

export const periodPattern = (metric: Metric) =>
  metric.cadence === 'monthly' ? monthlyPeriod : quarterlyPeriod

/** A period's values of a metric: one value and note for each group it is measured for. */
export function valuesForm(metric: Metric, groups: readonly { id: string; name: string }[]) {
  const shape: Record<string, z.ZodType> = {
    period: z
      .string()
      .trim()
      .regex(
        periodPattern(metric),
        metric.cadence === 'monthly'
          ? 'Enter the month as 2026-05'
          : 'Enter the quarter as 2026-Q2',
      ),
  }
  for (const { id, name } of groups) {
    const blankOr = z.string().trim().default('')
    shape[valueField(id)] = blankOr.refine(
      (raw) => raw === '' || readNumber(raw) !== null,
      `${name}: the value must be a number`,
    )
    shape[noteField(id)] = blankOr
      .refine((note) => note.length <= 500, `${name}: the note must be 500 characters or fewer`)
      .refine(
        (note) => !hasHiddenCharacters(note),
        `${name}: ${hiddenCharactersMessage.toLowerCase()}`,
      )
  }
  return z.object(shape)
}
