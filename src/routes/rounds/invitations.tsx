import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { LinksGonePage, LinksPage } from '../../../views/pages/rounds/links'
import { RoundPage } from '../../../views/pages/rounds/round'
import { auditInsert } from '../../db/queries/audit'
import { createInvitations } from '../../db/queries/invitations'
import type { Round } from '../../db/queries/rounds'
import { getShownLinks, shownLinkHours } from '../../db/queries/shown-links'
import type { SignedInEnv } from '../../env'
import { csvText } from '../../instruments/csv-table'
import { type Perspective, perspectiveLabels } from '../../instruments/definition'
import { actorOf, loadRound, may, onlyWho } from '../../lib/authorise'
import { redirectAfterPost } from '../../lib/responses'
import type { FieldErrors, FormValues } from '../../lib/validation'
import { validForm } from '../../lib/validation'
import { render } from '../render'
import { roundPageProps } from './round-page'

export const maxLinksAtOnce = 500

const linksSchema = z.object({
  groupId: z.string().min(1, 'Choose a group'),
  perspective: z.string().min(1, 'Choose whose views'),
  count: z.coerce
    .number({ error: 'Enter the number of links as a whole number' })
    .int('Enter the number of links as a whole number')
    .min(1, 'Make at least 1 link')
    .max(maxLinksAtOnce, `Make at most ${maxLinksAtOnce} links at a time`),
})

const noStore = { 'Cache-Control': 'no-store' }
const perspectiveName = (p: string) => perspectiveLabels[p as Perspective] ?? p

/** The links kept under this page's address for the person signed in, of the round, in order. */
async function keptLinks(c: Context<SignedInEnv>, roundId: string) {
  const kept = await getShownLinks(c.var.db, {
    organisationId: c.var.organisation.id,
    id: c.req.param('kept') ?? '',
    madeBy: c.var.signedIn?.person.id ?? '',
    kind: 'invitations',
    now: c.var.now(),
  })
  return kept?.subjectId === roundId ? kept.links : null
}

const renderGone = (c: Context<SignedInEnv>, round: Round) =>
  render(c, <LinksGonePage roundId={round.id} roundName={round.name} hours={shownLinkHours} />, {
    title: 'These links are no longer shown',
    status: 410,
  })

/**
 * Single-use links for a group of an individual-mode round: made, then shown (to print) and
 * downloadable by the person who made them, for `shownLinkHours`.
 */
export const invitationsRoutes = new Hono<SignedInEnv>()
  .use(async (c, next) => {
    const round = await loadRound(c)
    const grants = c.var.signedIn.grants
    if (!round.groups.some((g) => may.runGroup(grants, g.id)))
      throw new HTTPException(403, { message: onlyWho.runGroup })
    await next()
  })
  .post(
    '/',
    validForm(linksSchema, async (c, errors, values) => {
      const round = await loadRound(c)
      return render(c, <RoundPage {...(await roundPageProps(c, round, values, errors))} />, {
        title: `Error: ${round.name}`,
        status: 422,
      })
    }),
    async (c) => {
      const round = await loadRound(c)
      const form = c.req.valid('form')
      const grants = c.var.signedIn.grants
      const group = round.groups.find((g) => g.id === form.groupId)
      const errors: FieldErrors = {}
      if (!group || !may.runGroup(grants, group.id)) errors.groupId = 'Choose a group from the list'
      if (!round.perspectives.includes(form.perspective))
        errors.perspective = 'Choose whose views from the list'
      if (round.mode !== 'individual' || round.status === 'closed') {
        errors.groupId = 'Links can be made only for an individual round that has not closed'
      }
      if (!group || Object.keys(errors).length > 0) {
        const values: FormValues = { ...form, count: String(form.count) }
        return render(c, <RoundPage {...(await roundPageProps(c, round, values, errors))} />, {
          title: `Error: ${round.name}`,
          status: 422,
        })
      }
      const kept = crypto.randomUUID()
      await createInvitations(c.var.db, actorOf(c), round.id, [form], kept)
      return redirectAfterPost(c, `/rounds/${round.id}/invitations/${kept}`)
    },
  )
  .get('/:kept', async (c) => {
    const round = await loadRound(c)
    const links = await keptLinks(c, round.id)
    if (!links) return renderGone(c, round)
    const names = new Map(round.groups.map((g) => [g.id, g.name]))
    c.header('Cache-Control', noStore['Cache-Control'])
    return render(
      c,
      <LinksPage
        roundId={round.id}
        roundName={round.name}
        keptPath={`/rounds/${round.id}/invitations/${c.req.param('kept')}`}
        hours={shownLinkHours}
        links={links.map((l) => ({
          code: l.token,
          url: `${c.var.origin}/r/${l.token}`,
          groupName: names.get(l.groupId ?? '') ?? '',
          perspectiveName: perspectiveName(l.perspective ?? ''),
        }))}
      />,
      { title: `${links.length} invitation links` },
    )
  })
  .get('/:kept/csv', async (c) => {
    const round = await loadRound(c)
    const links = await keptLinks(c, round.id)
    if (!links) return renderGone(c, round)
    const names = new Map(round.groups.map((g) => [g.id, g.name]))
    const origin = c.var.origin
    const csv = csvText(
      ['round', 'group', 'perspective', 'code', 'link'],
      links.map((l) => [
        round.name,
        names.get(l.groupId ?? '') ?? '',
        perspectiveName(l.perspective ?? ''),
        l.token,
        `${origin}/r/${l.token}`,
      ]),
    )
    await auditInsert(c.var.db, {
      ...actorOf(c),
      action: 'invitations.exported',
      subjectType: 'round',
      subjectId: round.id,
      after: { links: links.length },
    })
    return c.body(csv, 200, {
      ...noStore,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="invitation-links.csv"',
    })
  })
