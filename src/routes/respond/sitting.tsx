import type { Context } from 'hono'
import {
  AlreadySubmittedPage,
  ClosedPage,
  type Window,
} from '../../../views/pages/respond/messages'
import {
  getResponse,
  listAnswers,
  type Response,
  type ResponseKind,
  type ResponseScope,
  saveAnswers,
} from '../../db/queries/responses'
import type { AppEnv } from '../../env'
import { type ItemAnswer, readItem } from '../../instruments/answer-form'
import { dayOf } from '../../instruments/dates'
import type { Instrument, Item, Perspective } from '../../instruments/definition'
import { itemsFor } from '../../instruments/scoring'
import { render } from '../render'

/** One person's (or one group's) sitting of a questionnaire: what it is for and where it lives. */
export type Sitting = {
  base: string
  heading: { round: string; group: string }
  instrument: Instrument
  perspective: Perspective
  consensus: boolean
  kind: ResponseKind
  scope: ResponseScope
  responseId: string
  /** Whether the round takes answers now. */
  open: boolean
  /** When it is not open: the day it is due to open (if it has not yet), or the day it closed. */
  window?: Window
  /** For an anonymous respondent: how many answers a result needs. */
  threshold?: number
  invitationHash?: string
  /** Whether the link was used: its response is then filed where the link cannot find it. */
  submitted?: boolean
}

/** A sitting, and its response when the same read found it (null when there is none yet). */
export type LoadSitting = (c: Context<AppEnv>) => Promise<Sitting & { response?: Response | null }>

export const today = (c: Context<AppEnv>) => dayOf(c.var.now())

export function domainsOf(sitting: Sitting) {
  const items = itemsFor(sitting.instrument, sitting.perspective)
  const numbered = items.map((item, i) => ({ item, number: i + 1 }))
  return sitting.instrument.domains
    .map((domain) => ({ domain, items: numbered.filter((n) => n.item.domain === domain.key) }))
    .filter((d) => d.items.length > 0)
}

/** The page a submitted response answers with, however it is reached again. */
export const alreadySubmitted = (c: Context<AppEnv>, sitting: Sitting) =>
  render(c, <AlreadySubmittedPage heading={sitting.heading} consensus={sitting.consensus} />, {
    title: 'Already submitted',
    anonymous: !sitting.consensus,
  })

/** The sitting and its response so far; a submitted or closed one answers with its own page. */
export async function loadOpen(c: Context<AppEnv>, loadSitting: LoadSitting) {
  const { response: found, ...sitting } = await loadSitting(c)
  const response =
    found !== undefined
      ? found
      : await getResponse(c.var.db, sitting.scope.organisationId, sitting.responseId)
  if (sitting.submitted || response?.status === 'completed')
    return { stop: alreadySubmitted(c, sitting) } as const
  if (!sitting.open) {
    return {
      stop: render(c, <ClosedPage heading={sitting.heading} window={sitting.window} />, {
        title: sitting.window?.opensOn ? 'Not open yet' : 'Closed',
        status: 410,
        anonymous: !sitting.consensus,
      }),
    } as const
  }
  return { sitting, response } as const
}

/**
 * Reads and saves a page's (or one item's) answers: the problems by field, or null when the
 * response was submitted meanwhile and nothing was saved.
 */
export async function saveItems(
  c: Context<AppEnv>,
  sitting: Sitting,
  response: Response | null,
  items: readonly Item[],
  form: Record<string, unknown>,
) {
  const errors: Record<string, string> = {}
  const answers: ItemAnswer[] = []
  for (const item of items) {
    const read = readItem(sitting.instrument, item, form, sitting.consensus)
    Object.assign(errors, read.errors)
    if (read.answer) answers.push(read.answer)
  }
  // An empty answer is kept only where it clears one given before: only then are those read.
  const clearing = answers.some((a) => a.value === null && !a.comment && !a.dissent)
  const earlier =
    response && clearing
      ? new Set((await listAnswers(c.var.db, response)).map((a) => a.linkId))
      : new Set()
  const worth = answers.filter(
    (a) => a.value !== null || a.comment || a.dissent || earlier.has(a.linkId),
  )
  if (worth.length > 0) {
    const saved = await saveAnswers(
      c.var.db,
      {
        ...sitting.scope,
        id: sitting.responseId,
        kind: sitting.kind,
        startedOn: today(c),
        invitationHash: sitting.invitationHash,
        started: response !== null,
      },
      worth,
    )
    if (!saved) return null
  }
  return errors
}

export const pageNumber = (c: Context) => Number.parseInt(c.req.param('n') ?? '', 10)
