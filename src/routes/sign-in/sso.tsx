import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { auditInsert } from '../../db/queries/audit'
import { getPersonByEmail } from '../../db/queries/people'
import {
  createSsoRequest,
  getPersonForSso,
  getSsoSettings,
  linkPersonToSso,
  takeSsoRequest,
} from '../../db/queries/sso'
import type { AppEnv } from '../../env'
import { redirectAfterPost } from '../../lib/responses'
import { startSession } from '../../lib/sign-in'
import { finishSso, startSso } from '../../lib/sso'
import { validForm } from '../../lib/validation'
import { renderSignIn, safeNext } from './sign-in'

const requestLifetimeMs = 10 * 60_000
const ssoSchema = z.object({ ssoEmail: z.string().trim().min(1, 'Enter your work email address') })
const callbackPath = '/sign-in/sso/callback'

export const ssoRoutes = new Hono<AppEnv>()
  .post(
    '/sign-in/sso',
    validForm(ssoSchema, (c: Context<AppEnv>, errors, values) =>
      renderSignIn(c, values, errors, 422),
    ),
    async (c) => {
      const { ssoEmail } = c.req.valid('form')
      const person = await getPersonByEmail(c.var.db, ssoEmail)
      const settings = person ? await getSsoSettings(c.var.db, person.organisationId) : null
      if (!person || !settings) {
        return renderSignIn(
          c,
          { ssoEmail },
          {
            ssoEmail:
              'Single sign-on is not set up for this email address. Sign in with your password instead.',
          },
          422,
        )
      }
      const redirectUri = new URL(callbackPath, c.var.origin).toString()
      let started: Awaited<ReturnType<typeof startSso>>
      try {
        started = await startSso(settings, redirectUri, c.var.ssoAllowLoopback)
      } catch {
        return renderSignIn(
          c,
          { ssoEmail },
          {
            ssoEmail:
              'Your organisation’s sign-in service could not be reached. Try again later, or sign in with your password.',
          },
          422,
        )
      }
      await createSsoRequest(c.var.db, {
        state: started.state,
        organisationId: person.organisationId,
        codeVerifier: started.codeVerifier,
        nonce: started.nonce,
        next: safeNext(c.req.query('next')),
        createdAt: c.var.now(),
      })
      return redirectAfterPost(c, started.url)
    },
  )
  .get(callbackPath, async (c) => {
    const refuse = (message: string) => renderSignIn(c, {}, { ssoEmail: message }, 422)
    const request = await takeSsoRequest(c.var.db, c.req.query('state') ?? '')
    if (!request || c.var.now() - request.createdAt > requestLifetimeMs) {
      return refuse('That sign-in took too long or was used already. Try again.')
    }
    const settings = await getSsoSettings(c.var.db, request.organisationId)
    if (!settings) return refuse('Single sign-on is no longer set up for your organisation.')
    const redirectUri = new URL(callbackPath, c.var.origin).toString()
    let identity: Awaited<ReturnType<typeof finishSso>>
    try {
      identity = await finishSso(
        settings,
        request,
        new URL(c.req.url),
        redirectUri,
        c.var.ssoAllowLoopback,
      )
    } catch {
      return refuse(
        'Your organisation’s sign-in did not complete. Try again, or sign in with your password.',
      )
    }
    const found = await getPersonForSso(
      c.var.db,
      request.organisationId,
      identity.issuer,
      identity.subject,
      identity.email,
    )
    if (!found || found.person.status === 'disabled') {
      return refuse(
        'There is no account for you in this organisation. Ask your administrator to add you.',
      )
    }
    const actor = {
      organisationId: request.organisationId,
      actorId: found.person.id,
      at: new Date(c.var.now()),
    }
    if (found.link)
      await linkPersonToSso(c.var.db, actor, found.person.id, identity.issuer, identity.subject)
    await auditInsert(c.var.db, {
      ...actor,
      action: 'sign-in',
      subjectType: 'person',
      subjectId: found.person.id,
      after: { method: 'single sign-on' },
    })
    await startSession(c, { organisationId: request.organisationId, personId: found.person.id })
    return c.redirect(request.next, 303)
  })
