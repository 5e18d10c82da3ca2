import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { LinksPage } from '../../views/pages/rounds/links'
import { RoundPage } from '../../views/pages/rounds/round'
import { auditInsert } from '../db/queries/audit'
import { createInvitations, tokensOfRound } from '../db/queries/invitations'
import type { AppEnv } from '../env'
import { csvText } from '../instruments/csv-table'
import { type Perspective, perspectiveLabels } from '../instruments/definition'
import { actorOf, may } from '../lib/authorise'
import { render } from '../lib/htmx'
import type { FieldErrors, FormValues } from '../lib/validation'
import { validForm } from '../lib/validation'
import { roundPageProps } from './round-page'
import { loadRound } from './rounds'

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

/** Single-use links for a group of an individual-mode round: made, shown once, downloadable. */
export const invitationsRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    const round = await loadRound(c)
    const grants = c.var.signedIn?.grants ?? []
    if (!round.groups.some((g) => may.runGroup(grants, g.id))) throw new HTTPException(403)
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
      const grants = c.var.signedIn?.grants ?? []
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
      const links = await createInvitations(c.var.db, actorOf(c), round.id, [form])
      c.header('Cache-Control', noStore['Cache-Control'])
      return render(
        c,
        <LinksPage
          roundId={round.id}
          roundName={round.name}
          origin={c.var.origin}
          links={links.map((l) => ({
            ...l,
            groupName: group.name,
            perspectiveName: perspectiveName(l.perspective),
          }))}
        />,
        { title: `${links.length} invitation links` },
      )
    },
  )
  .post('/csv', async (c) => {
    const round = await loadRound(c)
    const body = await c.req.parseBody({ all: true })
    const posted = ([] as unknown[])
      .concat(body.token ?? [])
      .filter((t): t is string => typeof t === 'string')
    const grants = c.var.signedIn?.grants ?? []
    const links = (await tokensOfRound(c.var.db, c.var.organisation.id, round.id, posted)).filter(
      (l) => may.runGroup(grants, l.groupId),
    )
    const names = new Map(round.groups.map((g) => [g.id, g.name]))
    const origin = c.var.origin
    const csv = csvText(
      ['round', 'group', 'perspective', 'link'],
      links.map((l) => [
        round.name,
        names.get(l.groupId) ?? '',
        perspectiveName(l.perspective),
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
