import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { TeamResultsPage } from '../../views/pages/results/team'
import { getPriority, reviewPriority, savePriority } from '../db/queries/action-plans'
import { hideComment } from '../db/queries/comments'
import { getTeam } from '../db/queries/groups'
import type { SignedInEnv } from '../env'
import { priorityStatuses } from '../instruments/enums'
import { actorOf, may, onlyWho, requireThat } from '../lib/authorise'
import { redirectAfterPost } from '../lib/responses'
import { teamData } from '../lib/results/team'
import {
  type FieldErrors,
  type FormValues,
  isoDate,
  requiredText,
  validForm,
} from '../lib/validation'
import { render } from './render'

const text = requiredText
const planSchema = z.object({
  rank: z.enum(['1', '2', '3'], { error: 'Choose the priority’s number' }),
  focus: z.string().min(1, 'Choose a domain or question to work on'),
  actions: text('the actions', 2000),
  owner: text('the owner', 120),
  dueOn: isoDate('Enter the date it is due by'),
})
const reviewSchema = z.object({
  status: z.enum(priorityStatuses, { error: 'Choose how it went' }),
  review: z.string().trim().max(2000, 'The review must be 2,000 characters or fewer').default(''),
})

async function loadTeam(c: Context<SignedInEnv>) {
  const team = await getTeam(c.var.db, c.var.organisation.id, c.req.param('id') ?? '')
  if (!team) throw new HTTPException(404)
  if (!may.seeTeam(c.var.signedIn.grants, team.id))
    throw new HTTPException(403, { message: onlyWho.seeTeam })
  return team
}

async function renderTeam(
  c: Context<SignedInEnv>,
  values: FormValues = {},
  errors: FieldErrors = {},
) {
  const team = await loadTeam(c)
  const grants = c.var.signedIn.grants
  const data = await teamData(c.var.db, c.var.organisation.id, team, c.req.query('round'), {
    withHiddenComments: may.hideComments(grants),
  })
  return render(
    c,
    <TeamResultsPage
      team={team}
      data={data}
      canPlan={may.runGroup(grants, team.id)}
      canHide={may.hideComments(grants)}
      form={{ values, errors }}
    />,
    { title: team.name, errors },
  )
}

async function requirePlanner(c: Context<SignedInEnv>) {
  const team = await loadTeam(c)
  if (!may.runGroup(c.var.signedIn.grants, team.id))
    throw new HTTPException(403, { message: onlyWho.runGroup })
  return team
}

const planners: MiddlewareHandler<SignedInEnv> = async (c, next) => {
  await requirePlanner(c)
  await next()
}

/** One team's results over time, and its action plan. */
export const teamResultsRoutes = new Hono<SignedInEnv>()
  .get('/:id', (c) => renderTeam(c))
  .post(
    '/:id/plan',
    planners,
    validForm(planSchema, (c, errors, values) => renderTeam(c, values, errors)),
    async (c) => {
      const team = await requirePlanner(c)
      const data = await teamData(c.var.db, c.var.organisation.id, team, c.req.query('round'))
      const round = data.chosen?.round
      const form = c.req.valid('form')
      const focuses = new Set([
        ...(data.chosen?.instrument?.domains.map((d) => d.key) ?? []),
        ...(data.chosen?.instrument?.items.map((i) => i.linkId) ?? []),
      ])
      if (!round || !focuses.has(form.focus))
        return renderTeam(c, form, { focus: 'Choose a domain or question from the list' })
      await savePriority(
        c.var.db,
        actorOf(c),
        { groupId: team.id, roundId: round.id },
        { ...form, rank: Number(form.rank) },
      )
      return redirectAfterPost(c, `/results/teams/${team.id}?round=${round.id}`)
    },
  )
  .post('/:id/comments/hide', requireThat('hideComments'), async (c) => {
    const team = await loadTeam(c)
    const data = await teamData(c.var.db, c.var.organisation.id, team, c.req.query('round'), {
      withHiddenComments: true,
    })
    const form = await c.req.parseBody()
    const comment = data.chosen?.comments?.find((x) => x.key === form.key)
    if (!data.chosen || !comment) throw new HTTPException(404)
    await hideComment(c.var.db, actorOf(c), data.chosen.round, comment)
    return redirectAfterPost(c, `/results/teams/${team.id}?round=${data.chosen.round.id}#comments`)
  })
  .post(
    '/:id/plan/:priorityId/review',
    planners,
    validForm(reviewSchema, (c, errors, values) => renderTeam(c, values, errors)),
    async (c) => {
      const team = await requirePlanner(c)
      const priority = await getPriority(
        c.var.db,
        c.var.organisation.id,
        team.id,
        c.req.param('priorityId') ?? '',
      )
      if (!priority) throw new HTTPException(404)
      await reviewPriority(c.var.db, actorOf(c), priority, c.req.valid('form'))
      return redirectAfterPost(c, `/results/teams/${team.id}`)
    },
  )
