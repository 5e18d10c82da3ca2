import type { Context } from 'hono'
import { html, raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { Layout } from '../../views/layout'
import type { AppEnv } from '../env'
import { may } from '../lib/authorise'
import { htmlResponse, type RenderStatus, wantsFragment } from '../lib/responses'

type RenderOptions = {
  title: string
  status?: RenderStatus
  /** A respondent's page: the header names no one and offers no menu, even to a signed-in person. */
  anonymous?: boolean
  /** What an htmx request swaps in, when it is a part of the page; the whole content otherwise. */
  fragment?: Child
  /** A form's problems: with any, the title says "Error:" and the status is 422. */
  errors?: Readonly<Record<string, string>>
}

/**
 * The whole page inside the layout for a browser; the fragment (or the content) alone for htmx.
 * The page goes out as a plain string, which the Node server writes directly; a String object
 * would be taken for a stream and cost a millisecond a response.
 */
export async function render<E extends AppEnv>(
  c: Context<E>,
  content: Child,
  { title: heading, status: given = 200, fragment, anonymous = false, errors }: RenderOptions,
) {
  c.header('Vary', 'HX-Request')
  const invalid = errors !== undefined && Object.keys(errors).length > 0
  const title = invalid ? `Error: ${heading}` : heading
  const status = invalid ? 422 : given
  if (wantsFragment(c)) return htmlResponse(c, String(await html`${fragment ?? content}`), status)
  // The content is written first, so the page loads the charting library only if it draws a chart.
  const body = String(await html`${content}`)
  const page = html`<!DOCTYPE html>${Layout({
    title,
    currentPath: c.req.path,
    signedInAs: anonymous ? undefined : c.var.signedIn?.person.name,
    administers: !anonymous && may.administer(c.var.signedIn?.grants ?? []),
    seesNetworks: !anonymous && may.seeNetworks(c.var.signedIn?.grants ?? []),
    sessionIdleMs: anonymous ? undefined : c.var.sessionPolicy.idleMs,
    charts: body.includes('data-chart='),
    assets: c.var.assetPaths,
    children: raw(body),
  })}`
  return htmlResponse(c, String(await page), status)
}
