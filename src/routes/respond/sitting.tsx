import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { DomainPage } from '../../../views/pages/respond/domain'
import {
  AlreadySubmittedPage,
  ClosedPage,
  type Window,
} from '../../../views/pages/respond/messages'
import type { QuestionProps } from '../../../views/pages/respond/question'
import {
  getResponse,
  listAnswers,
  type Response,
  type ResponseKind,
  type ResponseScope,
  type SavedAnswer,
  saveAnswers,
} from '../../db/queries/responses'
import type { AppEnv } from '../../env'
import { choicesOf, fieldNames, type ItemAnswer, readItem } from '../../instruments/answer-form'
import {
  domainWording,
  type Instrument,
  type Item,
  type Perspective,
} from '../../instruments/definition'
import { itemsFor } from '../../instruments/scoring'
import { dayOf } from '../../lib/dates'
import { render } from '../../lib/htmx'

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

export const formValue = (answer: SavedAnswer['value'] | undefined) =>
  answer === null || answer === undefined ? undefined : String(answer)

function questionProps(
  sitting: Sitting,
  item: Item,
  number: number,
  saved: SavedAnswer | undefined,
  typed: Record<string, unknown> | undefined,
  errors: Record<string, string>,
): QuestionProps {
  const fromForm = (name: string) =>
    typeof typed?.[name] === 'string' ? (typed[name] as string) : undefined
  const names = fieldNames(item.linkId)
  return {
    linkId: item.linkId,
    number,
    text: item.text[sitting.perspective] ?? '',
    help: item.help,
    choices: choicesOf(sitting.instrument, item),
    values: typed
      ? {
          answer: fromForm(names.answer),
          comment: fromForm(names.comment),
          dissent: fromForm(names.dissent),
        }
      : {
          answer: formValue(saved?.value),
          comment: saved?.comment ?? undefined,
          dissent: saved?.dissent ?? undefined,
        },
    errors,
    consensus: sitting.consensus,
    saveUrl: `${sitting.base}/answers/${encodeURIComponent(item.linkId)}`,
  }
}

/** The sitting and its response so far; a submitted or closed one answers with its own page. */
export async function loadOpen(c: Context<AppEnv>, loadSitting: LoadSitting) {
  const { response: found, ...sitting } = await loadSitting(c)
  const response =
    found !== undefined
      ? found
      : await getResponse(c.var.db, sitting.scope.organisationId, sitting.responseId)
  if (sitting.submitted || response?.status === 'completed') {
    return {
      stop: render(
        c,
        <AlreadySubmittedPage heading={sitting.heading} consensus={sitting.consensus} />,
        { title: 'Already submitted', anonymous: !sitting.consensus },
      ),
    } as const
  }
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

export async function renderDomain(
  c: Context<AppEnv>,
  sitting: Sitting,
  response: Response | null,
  index: number,
  typed?: Record<string, unknown>,
  errors: Record<string, string> = {},
) {
  const domains = domainsOf(sitting)
  const page = domains[index - 1]
  if (!page) throw new HTTPException(404)
  const saved = response ? await listAnswers(c.var.db, response) : []
  const byLinkId = new Map(saved.map((a) => [a.linkId, a]))
  const wording = domainWording(page.domain, sitting.perspective)
  const title = `Section ${index} of ${domains.length}: ${wording.title}`
  return render(
    c,
    <DomainPage
      heading={sitting.heading}
      index={index}
      count={domains.length}
      title={wording.title}
      description={wording.description}
      questions={page.items.map(({ item, number }) =>
        questionProps(sitting, item, number, byLinkId.get(item.linkId), typed, errors),
      )}
      errors={errors}
      action={`${sitting.base}/domains/${index}`}
    />,
    {
      title,
      errors,
      anonymous: !sitting.consensus,
    },
  )
}

export const pageNumber = (c: Context) => Number.parseInt(c.req.param('n') ?? '', 10)
