import { Hono } from 'hono'
import { z } from 'zod'
import { GroupingForm, GroupingFormPage } from '../../views/pages/teams/grouping-form'
import { createGrouping, listGroupings } from '../db/queries/groups'
import type { SignedInEnv } from '../env'
import { groupingKinds } from '../instruments/enums'
import { actorOf, requireThat } from '../lib/authorise'
import { redirectAfterPost } from '../lib/responses'
import { validForm } from '../lib/validation'
import { render } from './render'

const groupingSchema = z.object({
  kind: z.enum(groupingKinds, { error: 'Choose service line or locality' }),
  name: z.string().trim().min(1, 'Enter the name').max(120, 'Name must be 120 characters or fewer'),
})

/** Adding a service line or locality that teams sit in: admins only. */
export const groupingRoutes = new Hono<SignedInEnv>()
  .use('/new', requireThat('administer'))
  .get('/new', (c) =>
    render(c, <GroupingFormPage values={{}} errors={{}} />, {
      title: 'Add a service line or locality',
    }),
  )
  .post(
    '/new',
    validForm(groupingSchema, (c, errors, values) =>
      render(c, <GroupingFormPage values={values} errors={errors} />, {
        title: 'Error: Add a service line or locality',
        status: 422,
        fragment: <GroupingForm values={values} errors={errors} />,
      }),
    ),
    async (c) => {
      const form = c.req.valid('form')
      const existing = await listGroupings(c.var.db, c.var.organisation.id)
      if (!existing.some((g) => g.name.toLowerCase() === form.name.toLowerCase())) {
        await createGrouping(c.var.db, actorOf(c), form)
      }
      return redirectAfterPost(c, '/teams')
    },
  )
