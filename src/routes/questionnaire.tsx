import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { DomainPage } from '../../views/pages/respond/domain'
import {
  AlreadySubmittedPage,
  ClosedPage,
  StartPage,
  ThankYouPage,
} from '../../views/pages/respond/messages'
import type { QuestionProps } from '../../views/pages/respond/question'
import { SavedStatus } from '../../views/pages/respond/question'
import { ReviewPage } from '../../views/pages/respond/review'
import {
  completeResponse,
  findResponse,
  listAnswers,
  type Response,
  type ResponseKind,
  type ResponseScope,
  type SavedAnswer,
  saveAnswers,
  startResponse,
} from '../db/queries/responses'
import type { AppEnv } from '../env'
import { choicesOf, type ItemAnswer, readItem } from '../instruments/answer-form'
import type { Instrument, Item, Perspective } from '../instruments/definition'
import { itemsFor } from '../instruments/scoring'
import { redirectAfterPost, render } from '../lib/htmx'

/** One person's (or one group's) sitting of a questionnaire: what it is for and where it lives. */
export type Sitting = {
  base: string
  heading: { round: string; group: string }
  instrument: Instrument
  perspective: Perspective
  consensus: boolean
  kind: ResponseKind
  scope: ResponseScope
  responseKey: string
  /** Whether the round takes answers now. */
  open: boolean
  invitationHash?: string
}

type LoadSitting = (c: Context<AppEnv>) => Promise<Sitting>

const today = (c: Context<AppEnv>) => new Date(c.var.now()).toISOString().slice(0, 10)

function domainsOf(sitting: Sitting) {
  const items = itemsFor(sitting.instrument, sitting.perspective)
  const numbered = items.map((item, i) => ({ item, number: i + 1 }))
  return sitting.instrument.domains
    .map((domain) => ({ domain, items: numbered.filter((n) => n.item.domain === domain.key) }))
    .filter((d) => d.items.length > 0)
}

const formValue = (answer: SavedAnswer['value'] | undefined) =>
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
  return {
    linkId: item.linkId,
    number,
    text: item.text[sitting.perspective] ?? '',
    help: item.help,
    choices: choicesOf(sitting.instrument, item),
    values: typed
      ? {
          answer: fromForm(`answer-${item.linkId}`),
          comment: fromForm(`comment-${item.linkId}`),
          dissent: fromForm(`dissent-${item.linkId}`),
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
async function loadOpen(c: Context<AppEnv>, loadSitting: LoadSitting) {
  const sitting = await loadSitting(c)
  const response = await findResponse(c.var.db, sitting.scope.organisationId, sitting.responseKey)
  if (response?.status === 'completed') {
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
      stop: render(c, <ClosedPage heading={sitting.heading} />, {
        title: 'Closed',
        status: 410,
        anonymous: !sitting.consensus,
      }),
    } as const
  }
  return { sitting, response } as const
}

/** Saves what a form holds for these items; the problems found, and what was saved. */
async function saveItems(
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
  const earlier = response
    ? new Set((await listAnswers(c.var.db, response)).map((a) => a.linkId))
    : new Set()
  const worth = answers.filter(
    (a) => a.value !== null || a.comment || a.dissent || earlier.has(a.linkId),
  )
  if (worth.length > 0) {
    const started =
      response ??
      (await startResponse(c.var.db, sitting.scope, sitting.kind, sitting.responseKey, today(c)))
    await saveAnswers(c.var.db, started, worth)
  }
  return errors
}

async function renderDomain(
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
  const invalid = Object.keys(errors).length > 0
  const title = `Domain ${index} of ${domains.length}: ${page.domain.title}`
  return render(
    c,
    <DomainPage
      heading={sitting.heading}
      index={index}
      count={domains.length}
      title={page.domain.title}
      description={page.domain.description}
      questions={page.items.map(({ item, number }) =>
        questionProps(sitting, item, number, byLinkId.get(item.linkId), typed, errors),
      )}
      errors={errors}
      action={`${sitting.base}/domains/${index}`}
    />,
    {
      title: invalid ? `Error: ${title}` : title,
      status: invalid ? 422 : 200,
      anonymous: !sitting.consensus,
    },
  )
}

const pageNumber = (c: Context) => Number.parseInt(c.req.param('n') ?? '', 10)

/**
 * The questionnaire, one domain a page, for a respondent's link or a facilitator's consensus
 * record: each answer saved as it changes (or by the page's buttons without JavaScript), a review
 * of what is unanswered, and one submission however often it is sent.
 */
export function questionnaireRoutes(loadSitting: LoadSitting) {
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      await next()
      // Answers are on these pages: nothing of them is kept by a shared computer's browser.
      c.header('Cache-Control', 'no-store')
    })
    .get('/', async (c) => {
      const loaded = await loadOpen(c, loadSitting)
      if ('stop' in loaded) return loaded.stop
      const { sitting, response } = loaded
      const domains = domainsOf(sitting)
      return render(
        c,
        <StartPage
          heading={sitting.heading}
          instrumentTitle={sitting.instrument.title}
          questions={domains.reduce((n, d) => n + d.items.length, 0)}
          domains={domains.length}
          next={`${sitting.base}/domains/1`}
          started={response !== null}
          consensus={sitting.consensus}
        />,
        { title: sitting.instrument.title, anonymous: !sitting.consensus },
      )
    })
    .get('/domains/:n', async (c) => {
      const loaded = await loadOpen(c, loadSitting)
      if ('stop' in loaded) return loaded.stop
      return renderDomain(c, loaded.sitting, loaded.response, pageNumber(c))
    })
    .post('/domains/:n', async (c) => {
      const loaded = await loadOpen(c, loadSitting)
      if ('stop' in loaded) return loaded.stop
      const { sitting, response } = loaded
      const index = pageNumber(c)
      const domains = domainsOf(sitting)
      const page = domains[index - 1]
      if (!page) throw new HTTPException(404)
      const form = await c.req.parseBody()
      const errors = await saveItems(
        c,
        sitting,
        response,
        page.items.map((i) => i.item),
        form,
      )
      if (Object.keys(errors).length > 0) {
        const now = await findResponse(c.var.db, sitting.scope.organisationId, sitting.responseKey)
        return renderDomain(c, sitting, now, index, form, errors)
      }
      const go = form.go
      const target =
        go === 'previous'
          ? `${sitting.base}/domains/${Math.max(1, index - 1)}`
          : go === 'review' || index >= domains.length
            ? `${sitting.base}/review`
            : `${sitting.base}/domains/${index + 1}`
      return redirectAfterPost(c, target)
    })
    .post('/answers/:linkId', async (c) => {
      const loaded = await loadOpen(c, loadSitting)
      if ('stop' in loaded)
        return c.html(<SavedStatus problem="this questionnaire is no longer open" />, 409)
      const { sitting, response } = loaded
      const item = itemsFor(sitting.instrument, sitting.perspective).find(
        (i) => i.linkId === c.req.param('linkId'),
      )
      if (!item) throw new HTTPException(404)
      const errors = await saveItems(c, sitting, response, [item], await c.req.parseBody())
      const problem = Object.values(errors)[0]
      return c.html(<SavedStatus problem={problem} />, problem ? 422 : 200)
    })
    .get('/review', async (c) => {
      const loaded = await loadOpen(c, loadSitting)
      if ('stop' in loaded) return loaded.stop
      const { sitting, response } = loaded
      const saved = new Map(
        (response ? await listAnswers(c.var.db, response) : []).map((a) => [a.linkId, a]),
      )
      const domains = domainsOf(sitting).map(({ domain, items }, i) => ({
        index: i + 1,
        title: domain.title,
        items: items.map(({ item, number }) => {
          const value = saved.get(item.linkId)?.value ?? null
          const choice = choicesOf(sitting.instrument, item).find(
            (ch) => ch.value === formValue(value),
          )
          return {
            linkId: item.linkId,
            number,
            text: item.text[sitting.perspective] ?? '',
            answer: choice?.label ?? null,
          }
        }),
      }))
      return render(
        c,
        <ReviewPage
          heading={sitting.heading}
          base={sitting.base}
          domains={domains}
          consensus={sitting.consensus}
        />,
        { title: 'Check your answers', anonymous: !sitting.consensus },
      )
    })
    .post('/submit', async (c) => {
      const loaded = await loadOpen(c, loadSitting)
      if ('stop' in loaded) return loaded.stop
      const { sitting } = loaded
      const response =
        loaded.response ??
        (await startResponse(c.var.db, sitting.scope, sitting.kind, sitting.responseKey, today(c)))
      const completed = await completeResponse(
        c.var.db,
        sitting.instrument,
        response,
        today(c),
        sitting.invitationHash,
      )
      if (!completed) {
        return render(
          c,
          <AlreadySubmittedPage heading={sitting.heading} consensus={sitting.consensus} />,
          {
            title: 'Already submitted',
            anonymous: !sitting.consensus,
          },
        )
      }
      return redirectAfterPost(c, `${sitting.base}/thank-you`)
    })
    .get('/thank-you', async (c) => {
      const sitting = await loadSitting(c)
      const response = await findResponse(
        c.var.db,
        sitting.scope.organisationId,
        sitting.responseKey,
      )
      if (response?.status !== 'completed') return c.redirect(sitting.base, 303)
      return render(c, <ThankYouPage heading={sitting.heading} consensus={sitting.consensus} />, {
        title: 'Thank you',
        anonymous: !sitting.consensus,
      })
    })
}
