import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import {
  AlreadySubmittedPage,
  StartPage,
  ThankYouPage,
} from '../../../views/pages/respond/messages'
import { SavedStatus } from '../../../views/pages/respond/question'
import { ReviewPage } from '../../../views/pages/respond/review'
import { getRespondentContact } from '../../db/queries/organisations'
import {
  completeResponse,
  getResponse,
  listAnswers,
  type Response,
} from '../../db/queries/responses'
import type { AppEnv } from '../../env'
import { choicesOf } from '../../instruments/answer-form'
import { itemsFor } from '../../instruments/scoring'
import { htmlResponse, redirectAfterPost, render } from '../../lib/htmx'
import { formFields } from '../../lib/validation'
import {
  domainsOf,
  formValue,
  type LoadSitting,
  loadOpen,
  pageNumber,
  renderDomain,
  type Sitting,
  saveItems,
  today,
} from './sitting'

async function renderReview(
  c: Context<AppEnv>,
  sitting: Sitting,
  response: Response | null,
  problem?: string,
) {
  const saved = new Map(
    (response ? await listAnswers(c.var.db, response) : []).map((a) => [a.linkId, a]),
  )
  const domains = domainsOf(sitting).map(({ domain, items }, i) => ({
    index: i + 1,
    title: domain.title,
    items: items.map(({ item, number }) => {
      const value = formValue(saved.get(item.linkId)?.value)
      const choice = choicesOf(sitting.instrument, item).find((ch) => ch.value === value)
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
      problem={problem}
    />,
    {
      title: problem ? 'Error: Check your answers' : 'Check your answers',
      status: problem ? 422 : 200,
      anonymous: !sitting.consensus,
    },
  )
}

/**
 * The questionnaire, one domain a page, for a respondent's link or a facilitator's consensus
 * record: each answer saved as it changes (or by the page's buttons without JavaScript), a review
 * of what is unanswered, and one submission however often it is sent.
 */
export function questionnaireRoutes(loadSitting: LoadSitting) {
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      await next()
      // Answers are on these pages: nothing of them is kept by a shared computer's browser. Set on
      // the response made, since c.header() would now make it again in full.
      c.res.headers.set('Cache-Control', 'no-store')
    })
    .get('/', async (c) => {
      const loaded = await loadOpen(c, loadSitting)
      if ('stop' in loaded) return loaded.stop
      const { sitting, response } = loaded
      const domains = domainsOf(sitting)
      // Whom a respondent may ask is read for this first page only, not on every saved answer.
      const respondent =
        sitting.threshold === undefined
          ? undefined
          : {
              threshold: sitting.threshold,
              contact: await getRespondentContact(c.var.db, sitting.scope.organisationId),
            }
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
          respondent={respondent}
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
      const form = await formFields(c)
      const errors = await saveItems(
        c,
        sitting,
        response,
        page.items.map((i) => i.item),
        form,
      )
      if (errors === null) {
        const now = await loadOpen(c, loadSitting)
        if ('stop' in now) return now.stop
        throw new Error('A response refused answers while still open')
      }
      if (Object.keys(errors).length > 0) {
        const now = await getResponse(c.var.db, sitting.scope.organisationId, sitting.responseId)
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
        return htmlResponse(
          c,
          String(<SavedStatus problem="this questionnaire is no longer open" />),
          409,
        )
      const { sitting, response } = loaded
      const item = itemsFor(sitting.instrument, sitting.perspective).find(
        (i) => i.linkId === c.req.param('linkId'),
      )
      if (!item) throw new HTTPException(404)
      const errors = await saveItems(c, sitting, response, [item], await formFields(c))
      if (errors === null)
        return htmlResponse(
          c,
          String(<SavedStatus problem="this questionnaire is no longer open" />),
          409,
        )
      const problem = Object.values(errors)[0]
      return htmlResponse(c, String(<SavedStatus problem={problem} />), problem ? 422 : 200)
    })
    .get('/review', async (c) => {
      const loaded = await loadOpen(c, loadSitting)
      if ('stop' in loaded) return loaded.stop
      return renderReview(c, loaded.sitting, loaded.response)
    })
    .post('/submit', async (c) => {
      const loaded = await loadOpen(c, loadSitting)
      if ('stop' in loaded) return loaded.stop
      const { sitting, response } = loaded
      const answered = response ? await listAnswers(c.var.db, response) : []
      if (!response || !answered.some((a) => a.value !== null)) {
        // A submission running alongside may have just completed (and moved) the response.
        const now = await loadOpen(c, loadSitting)
        if ('stop' in now) return now.stop
        return renderReview(c, sitting, response, 'Answer at least one question before submitting')
      }
      const completed = await completeResponse(
        c.var.db,
        sitting.instrument,
        response,
        today(c),
        sitting.invitationHash,
        answered,
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
      const response = await getResponse(c.var.db, sitting.scope.organisationId, sitting.responseId)
      if (!sitting.submitted && response?.status !== 'completed')
        return c.redirect(sitting.base, 303)
      return render(c, <ThankYouPage heading={sitting.heading} consensus={sitting.consensus} />, {
        title: 'Thank you',
        anonymous: !sitting.consensus,
      })
    })
}
