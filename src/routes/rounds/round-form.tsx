import type { Context } from 'hono'
import { z } from 'zod'
import { RoundForm, RoundFormPage, type RoundFormProps } from '../../../views/pages/rounds/form'
import { listTeams } from '../../db/queries/groups'
import { getInstrument, listPublishedInstruments } from '../../db/queries/instruments'
import { getExecutiveGroup } from '../../db/queries/organisations'
import type { Round } from '../../db/queries/rounds'
import type { SignedInEnv } from '../../env'
import { type Perspective, perspectiveLabels, perspectives } from '../../instruments/definition'
import { roundModes } from '../../instruments/enums'
import { instrumentKey } from '../../instruments/history-csv'
import { thresholdRules } from '../../instruments/results'
import { may } from '../../lib/authorise'
import { type FieldErrors, isoDate, many } from '../../lib/validation'
import { render } from '../render'

/** A whole-number setting of a round, with messages naming it. */
const whole = (min: number, what: string) =>
  z.coerce
    .number({ error: `${what} must be a whole number` })
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${min}`)
    .max(10_000, `${what} must be 10,000 or fewer`)
const change = (what: string) =>
  z.coerce
    .number({ error: `${what} must be a number` })
    .gt(0, `${what} must be more than 0`)
    .max(100, `${what} must be 100 or less`)

/** A round's two anonymity thresholds, as the round form and the import of earlier rounds read them. */
export const thresholdFields = {
  anonymityThreshold: whole(
    thresholdRules.anonymityThreshold.least,
    'The fewest responses for results',
  ),
  commentThreshold: whole(
    thresholdRules.commentThreshold.least,
    'The fewest responses for comments',
  ),
}

export const roundSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter the name of the round')
      .max(120, 'The name must be 120 characters or fewer'),
    instrument: z.string().min(1, 'Choose a questionnaire'),
    mode: z.enum(roundModes, { error: 'Choose how the round will be completed' }),
    perspectives: many.refine((a) => a.length > 0, 'Choose whose views the round asks for'),
    groups: many.refine((a) => a.length > 0, 'Choose at least one group'),
    opensOn: isoDate('Enter the opening date'),
    closesOn: isoDate('Enter the closing date'),
    ...thresholdFields,
    itemMid: change('The smallest change for a question'),
    teamMid: change('The smallest change for a team'),
  })
  .refine((r) => r.closesOn >= r.opensOn, {
    path: ['closesOn'],
    message: 'The closing date must be on or after the opening date',
  })

/** A questionnaire as a form offers it: by its key, named with its version. */
export const instrumentChoice = (i: { slug: string; version: number; title: string }) => ({
  value: instrumentKey(i),
  text: `${i.title} (version ${i.version})`,
})

export async function formChoices(c: Context<SignedInEnv>) {
  const { db, organisation } = c.var
  const grants = c.var.signedIn.grants
  const [catalogue, executive, teams] = await Promise.all([
    listPublishedInstruments(db, organisation.id),
    getExecutiveGroup(db, organisation.id),
    listTeams(db, organisation.id),
  ])
  const groups = [...(executive ? [executive] : []), ...teams.filter((t) => !t.archivedAt)]
  return {
    instruments: catalogue.filter((i) => i.status === 'active').map(instrumentChoice),
    groups: groups
      .filter((g) => may.runGroup(grants, g.id))
      .map((g) => ({ value: g.id, text: g.name })),
    perspectives: perspectives.map((p) => ({ value: p, text: perspectiveLabels[p] })),
  }
}

export async function renderRoundForm(
  c: Context<SignedInEnv>,
  values: RoundFormProps['values'],
  errors: FieldErrors,
  editing?: RoundFormProps['editing'],
) {
  const props = { ...(await formChoices(c)), values, errors, editing }
  return render(c, <RoundFormPage {...props} />, {
    title: editing ? 'Change the round' : 'Create a round',
    errors,
    fragment: <RoundForm {...props} />,
  })
}

/** The round a valid form describes, or the problems that only the database can find. */
export async function checkRound(c: Context<SignedInEnv>, form: z.output<typeof roundSchema>) {
  const errors: FieldErrors = {}
  const [slug = '', version = ''] = form.instrument.split('@')
  const entry = await getInstrument(c.var.db, c.var.organisation.id, slug, Number(version))
  if (entry?.instrument.status !== 'active')
    errors.instrument = 'Choose a questionnaire from the list'
  const missing = form.perspectives.filter(
    (p) => !entry?.instrument.perspectives.includes(p as never),
  )
  if (entry && missing.length > 0)
    errors.perspectives = `${entry.instrument.title} has no wording for: ${missing
      .map((p) => perspectiveLabels[p as Perspective] ?? p)
      .join(', ')}`
  const allowed = new Set((await formChoices(c)).groups.map((g) => g.value))
  if (form.groups.some((g) => !allowed.has(g))) errors.groups = 'Choose groups from the list'
  const { instrument: _, groups, ...settings } = form
  return {
    errors,
    groups,
    settings: { ...settings, instrumentSlug: slug, instrumentVersion: Number(version) },
  }
}

/** A round's settings as the form shows them. */
export function formValuesOf(round: Round): RoundFormProps['values'] {
  return {
    name: round.name,
    instrument: instrumentKey({ slug: round.instrumentSlug, version: round.instrumentVersion }),
    mode: round.mode,
    perspectives: round.perspectives,
    groups: round.groups.map((g) => g.id),
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    anonymityThreshold: String(round.anonymityThreshold),
    commentThreshold: String(round.commentThreshold),
    itemMid: String(round.itemMid),
    teamMid: String(round.teamMid),
  }
}

export async function submittedValues(c: Context<SignedInEnv>): Promise<RoundFormProps['values']> {
  const body = await c.req.parseBody({ all: true })
  const text = Object.fromEntries(
    Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
  )
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [])
  return { ...text, groups: list(body.groups), perspectives: list(body.perspectives) }
}
