import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { StartPage } from '../../../views/pages/respond/messages'
import { SavedStatus } from '../../../views/pages/respond/question'
import { getRespondentContact } from '../../db/queries/organisations'
import { getResponse } from '../../db/queries/responses'
import type { AppEnv } from '../../env'
import { itemsFor } from '../../instruments/scoring'
import { htmlResponse, redirectAfterPost } from '../../lib/responses'
import { formFields } from '../../lib/validation'
import { render } from '../render'
import { renderDomain } from './domain-page'
import { reviewRoutes } from './review'
import { domainsOf, type LoadSitting, loadOpen, pageNumber, saveItems } from './sitting'

/** What an answer saved as it changes gets once the questionnaire has closed or been submitted. */
const noLongerOpen = (c: Context<AppEnv>) =>
  htmlResponse(c, String(<SavedStatus problem="this questionnaire is no longer open" />), 409)

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
      if ('stop' in loaded) return noLongerOpen(c)
      const { sitting, response } = loaded
      const item = itemsFor(sitting.instrument, sitting.perspective).find(
        (i) => i.linkId === c.req.param('linkId'),
      )
      if (!item) throw new HTTPException(404)
      const errors = await saveItems(c, sitting, response, [item], await formFields(c))
      if (errors === null) return noLongerOpen(c)
      const problem = Object.values(errors)[0]
      return htmlResponse(c, String(<SavedStatus problem={problem} />), problem ? 422 : 200)
    })
    .route('/', reviewRoutes(loadSitting))
}
