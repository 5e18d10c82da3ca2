import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { TeamForm, TeamFormPage } from '../../views/pages/teams/form'
import { TeamListPage } from '../../views/pages/teams/list'
import { TeamPage } from '../../views/pages/teams/team'
import {
  archiveTeam,
  createTeam,
  getTeam,
  listGroupings,
  listTeams,
  type TeamChanges,
  updateTeam,
} from '../db/queries/groups'
import type { SignedInEnv } from '../env'
import { teamTypes } from '../instruments/enums'
import { actorOf, may, onlyWho, requireThat } from '../lib/authorise'
import { redirectAfterPost } from '../lib/responses'
import { type FieldErrors, type FormValues, validForm } from '../lib/validation'
import { render } from './render'

const teamSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter the team name')
    .max(120, 'Team name must be 120 characters or fewer'),
  teamType: z.enum(teamTypes, { error: 'Choose the type of team' }),
  groupingId: z.string().optional().default(''),
  predecessorId: z.string().optional().default(''),
})

const administer = requireThat('administer')

async function loadTeam(c: Context<SignedInEnv>) {
  const team = await getTeam(c.var.db, c.var.organisation.id, c.req.param('id') ?? '')
  if (!team) throw new HTTPException(404)
  if (!may.seeTeam(c.var.signedIn.grants, team.id))
    throw new HTTPException(403, { message: onlyWho.seeTeam })
  return team
}

async function renderTeamForm(
  c: Context<SignedInEnv>,
  values: FormValues,
  errors: FieldErrors,
  teamId?: string,
) {
  const action = teamId ? `/teams/${teamId}/edit` : '/teams/new'
  const props = {
    action,
    values,
    errors,
    groupings: await listGroupings(c.var.db, c.var.organisation.id),
    teams: (await listTeams(c.var.db, c.var.organisation.id)).filter((t) => t.id !== teamId),
  }
  const heading = teamId ? 'Change team details' : 'Add a team'
  return render(c, <TeamFormPage heading={heading} {...props} />, {
    title: heading,
    errors,
    fragment: <TeamForm {...props} />,
  })
}

/** The form's choices, checked to belong to this organisation; errors for those that do not. */
async function checkTeamChoices(
  c: Context<SignedInEnv>,
  form: z.output<typeof teamSchema>,
  teamId?: string,
) {
  const orgId = c.var.organisation.id
  const errors: FieldErrors = {}
  const groupingIds = new Set((await listGroupings(c.var.db, orgId)).map((g) => g.id))
  const teamIds = new Set((await listTeams(c.var.db, orgId)).map((t) => t.id))
  if (form.groupingId && !groupingIds.has(form.groupingId))
    errors.groupingId = 'Choose a service line or locality from the list'
  if (form.predecessorId && (!teamIds.has(form.predecessorId) || form.predecessorId === teamId)) {
    errors.predecessorId = 'Choose an earlier team from the list'
  }
  const changes: TeamChanges = {
    name: form.name,
    teamType: form.teamType,
    groupingId: form.groupingId || null,
    predecessorId: form.predecessorId || null,
  }
  return { errors, changes }
}

const teamValues = (team: Awaited<ReturnType<typeof loadTeam>>): FormValues => ({
  name: team.name,
  teamType: team.teamType ?? '',
  groupingId: team.groupingId ?? '',
  predecessorId: team.predecessorId ?? '',
})

export const teamsRoutes = new Hono<SignedInEnv>()
  .get('/', async (c) => {
    const grants = c.var.signedIn.grants
    const teams = (await listTeams(c.var.db, c.var.organisation.id)).filter((t) =>
      may.seeTeam(grants, t.id),
    )
    return render(c, <TeamListPage teams={teams} canManage={may.administer(grants)} />, {
      title: 'Teams',
    })
  })
  .get('/new', administer, (c) => renderTeamForm(c, {}, {}))
  .post(
    '/new',
    administer,
    validForm(teamSchema, (c, errors, values) => renderTeamForm(c, values, errors)),
    async (c) => {
      const form = c.req.valid('form')
      const { errors, changes } = await checkTeamChoices(c, form)
      if (Object.keys(errors).length > 0) return renderTeamForm(c, form, errors)
      const id = await createTeam(c.var.db, actorOf(c), changes)
      return redirectAfterPost(c, `/teams/${id}`)
    },
  )
  .get('/:id', async (c) => {
    const team = await loadTeam(c)
    return render(c, <TeamPage team={team} canManage={may.administer(c.var.signedIn.grants)} />, {
      title: team.name,
    })
  })
  .get('/:id/edit', administer, async (c) => {
    const team = await loadTeam(c)
    return renderTeamForm(c, teamValues(team), {}, team.id)
  })
  .post(
    '/:id/edit',
    administer,
    validForm(teamSchema, async (c, errors, values) =>
      renderTeamForm(c, values, errors, (await loadTeam(c)).id),
    ),
    async (c) => {
      const team = await loadTeam(c)
      const form = c.req.valid('form')
      const { errors, changes } = await checkTeamChoices(c, form, team.id)
      if (Object.keys(errors).length > 0) return renderTeamForm(c, form, errors, team.id)
      await updateTeam(c.var.db, actorOf(c), team, changes)
      return redirectAfterPost(c, `/teams/${team.id}`)
    },
  )
  .post('/:id/archive', administer, async (c) => {
    const team = await loadTeam(c)
    await archiveTeam(c.var.db, actorOf(c), team)
    return redirectAfterPost(c, `/teams/${team.id}`)
  })
