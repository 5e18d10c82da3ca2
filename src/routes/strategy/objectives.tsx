import { type Context, Hono } from 'hono'
import { ObjectivePage } from '../../../views/pages/strategy/pages'
import { listObjectiveNotes, noteProgress } from '../../db/queries/strategy'
import { actorOf } from '../../lib/authorise'
import { redirectAfterPost } from '../../lib/responses'
import { type FieldErrors, type FormValues, validForm } from '../../lib/validation'
import { render } from '../render'
import { progressSchema } from './forms'
import { canManage, manage, type ObjectiveEnv, today, withObjective } from './shared'

/** An objective's page: its dated notes of progress, and the form to add one. */
async function renderObjective(
  c: Context<ObjectiveEnv>,
  form: { values: FormValues; errors: FieldErrors } = { values: {}, errors: {} },
) {
  const { objective, workstream } = c.var
  const notes = await listObjectiveNotes(c.var.db, c.var.organisation.id, objective.id)
  return render(
    c,
    <ObjectivePage
      objective={objective}
      workstream={workstream}
      notes={notes}
      canManage={canManage(c)}
      form={form}
    />,
    { title: objective.title, errors: form.errors },
  )
}

export const objectiveRoutes = new Hono<ObjectiveEnv>()
  .use('/:id', withObjective)
  .use('/:id/progress', manage, withObjective)
  .get('/:id', (c) => renderObjective(c))
  .post(
    '/:id/progress',
    validForm(progressSchema, (c: Context<ObjectiveEnv>, errors, values) =>
      renderObjective(c, { values, errors }),
    ),
    async (c) => {
      const { objective } = c.var
      const progress = { ...c.req.valid('form'), notedOn: today(c) }
      await noteProgress(c.var.db, actorOf(c), objective, progress)
      return redirectAfterPost(c, `/strategy/objectives/${objective.id}`)
    },
  )
