import type { Context } from 'hono'
import { Hono } from 'hono'
import { ThankYouPage } from '../../../views/pages/respond/messages'
import { ReviewPage } from '../../../views/pages/respond/review'
import { completeResponse } from '../../db/queries/completion'
import { getResponse, listAnswers, type Response } from '../../db/queries/responses'
import type { AppEnv } from '../../env'
import { choicesOf } from '../../instruments/answer-form'
import { redirectAfterPost } from '../../lib/responses'
import { render } from '../render'
import { formValue } from './domain-page'
import {
  alreadySubmitted,
  domainsOf,
  type LoadSitting,
  loadOpen,
  type Sitting,
  today,
} from './sitting'

/** Every answer in one list, each with its question's wording, and the problem with submitting it if any. */
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

/** The review of every answer, the one submission, and the thanks after it. */
export function reviewRoutes(loadSitting: LoadSitting) {
  return new Hono<AppEnv>()
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
      if (!completed) return alreadySubmitted(c, sitting)
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
