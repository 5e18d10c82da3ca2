import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { z } from 'zod'
import { AddPersonForm, AddPersonPage } from '../../../views/pages/people/forms'
import { PeopleListPage } from '../../../views/pages/people/list'
import { PersonPage } from '../../../views/pages/people/person'
import { listTeams } from '../../db/queries/groups'
import {
  addPerson,
  disablePerson,
  getPersonByEmail,
  grantRole,
  listPeople,
  normaliseEmail,
  revokeRole,
} from '../../db/queries/people'
import { listShownLinks } from '../../db/queries/shown-links'
import type { SignedInEnv } from '../../env'
import { actorOf, requireThat } from '../../lib/authorise'
import { redirectAfterPost } from '../../lib/responses'
import { type FieldErrors, type FormValues, validForm } from '../../lib/validation'
import { render } from '../render'
import { keptPath, loadPerson, newLink, personSchema, roleSchema } from './shared'

const activeTeams = async (c: Context<SignedInEnv>) =>
  (await listTeams(c.var.db, c.var.organisation.id)).filter((t) => !t.archivedAt)

/** A role's team: required for a team lead, and one of this organisation's teams; none otherwise. */
async function checkGrant(c: Context<SignedInEnv>, form: z.output<typeof roleSchema>) {
  const errors: FieldErrors = {}
  if (form.role !== 'team-lead') return { errors, grant: { role: form.role, groupId: null } }
  const teams = await activeTeams(c)
  if (!teams.some((t) => t.id === form.groupId)) errors.groupId = 'Choose the team they lead'
  return { errors, grant: { role: form.role, groupId: form.groupId || null } }
}

async function renderAdd(c: Context<SignedInEnv>, values: FormValues, errors: FieldErrors) {
  const props = { values, errors, teams: await activeTeams(c) }
  return render(c, <AddPersonPage {...props} />, {
    title: 'Error: Add a person',
    status: 422,
    fragment: <AddPersonForm {...props} />,
  })
}

async function renderPerson(
  c: Context<SignedInEnv>,
  values: FormValues = {},
  errors: FieldErrors = {},
) {
  const person = await loadPerson(c)
  const kept = await listShownLinks(c.var.db, {
    organisationId: c.var.organisation.id,
    madeBy: c.var.signedIn?.person.id ?? '',
    kind: 'password',
    subjectId: person.id,
    now: c.var.now(),
  })
  return render(
    c,
    <PersonPage
      person={person}
      teams={await activeTeams(c)}
      values={values}
      errors={errors}
      keptLinks={kept.slice(0, 1).map((k) => `/people/${person.id}/password-link/${k.id}`)}
    />,
    { title: person.name, errors },
  )
}

/** Why a change that would leave the organisation with no active admin is refused. */
const lastAdmin = (name: string, change: string) =>
  `${name} is the organisation’s only active admin, so you cannot ${change}: nobody could then manage people, rounds or settings. Make someone else an admin first.`

export const peopleRoutes = new Hono<SignedInEnv>()
  .use(requireThat('administer'))
  .get('/', async (c) => {
    const teamNames = new Map(
      (await listTeams(c.var.db, c.var.organisation.id)).map((t) => [t.id, t.name]),
    )
    return render(
      c,
      <PeopleListPage
        people={await listPeople(c.var.db, c.var.organisation.id)}
        teamNames={teamNames}
      />,
      { title: 'People and roles' },
    )
  })
  .get('/new', async (c) =>
    render(c, <AddPersonPage values={{}} errors={{}} teams={await activeTeams(c)} />, {
      title: 'Add a person',
    }),
  )
  .post('/new', validForm(personSchema, renderAdd), async (c) => {
    const form = c.req.valid('form')
    const email = normaliseEmail(form.email)
    const { errors, grant } = await checkGrant(c, form)
    if (await getPersonByEmail(c.var.db, email))
      // The same words whether the address is in this organisation or another: it says nothing of
      // who uses the service elsewhere.
      errors.email =
        'This email address cannot be given a new account. If the person is already in your list of people, find them there; otherwise use another address'
    if (Object.keys(errors).length > 0) return renderAdd(c, form, errors)
    const link = await newLink(c)
    const id = await addPerson(c.var.db, actorOf(c), { name: form.name, email, ...grant }, link)
    return redirectAfterPost(c, keptPath(id, link))
  })
  .get('/:id', (c) => renderPerson(c))
  .post(
    '/:id/roles',
    validForm(roleSchema, (c, errors, values) => renderPerson(c, values, errors)),
    async (c) => {
      const person = await loadPerson(c)
      const { errors, grant } = await checkGrant(c, c.req.valid('form'))
      if (Object.keys(errors).length > 0) return renderPerson(c, c.req.valid('form'), errors)
      if (!person.grants.some((g) => g.role === grant.role && g.groupId === grant.groupId)) {
        await grantRole(c.var.db, actorOf(c), person.id, grant)
      }
      return redirectAfterPost(c, `/people/${person.id}`)
    },
  )
  .post('/:id/roles/:grantId/revoke', async (c) => {
    const person = await loadPerson(c)
    if ((await revokeRole(c.var.db, actorOf(c), person, c.req.param('grantId'))) === 'last admin')
      throw new HTTPException(409, {
        message: lastAdmin(person.name, 'take away their admin role'),
      })
    return redirectAfterPost(c, `/people/${person.id}`)
  })
  .post('/:id/disable', async (c) => {
    const person = await loadPerson(c)
    if (person.id === c.var.signedIn?.person.id)
      throw new HTTPException(409, { message: 'You cannot disable your own account.' })
    if ((await disablePerson(c.var.db, actorOf(c), person)) === 'last admin')
      throw new HTTPException(409, { message: lastAdmin(person.name, 'disable them') })
    return redirectAfterPost(c, `/people/${person.id}`)
  })
