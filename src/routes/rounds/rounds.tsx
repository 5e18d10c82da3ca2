import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { DeleteRoundPage } from '../../../views/pages/rounds/confirm'
import { RoundListPage } from '../../../views/pages/rounds/list'
import { RoundPage } from '../../../views/pages/rounds/round'
import {
  createRound,
  deleteDraftRound,
  listRounds,
  type Round,
  updateDraftRound,
} from '../../db/queries/rounds'
import type { SignedInEnv } from '../../env'
import { roundDefaults } from '../../instruments/round-defaults'
import { actorOf, loadRound, may, requireThat } from '../../lib/authorise'
import { redirectAfterPost } from '../../lib/responses'
import { validForm } from '../../lib/validation'
import { render } from '../render'
import {
  checkRound,
  formValuesOf,
  renderRoundForm,
  roundSchema,
  submittedValues,
} from './round-form'
import { roundPageProps } from './round-page'

const loadManagedRound = (c: Context<SignedInEnv>) => loadRound(c, 'manage')

const onlyDrafts =
  'A round can be changed or deleted only before it opens. Once open, only its closing date can move.'

/** A draft round this person may change; an opened one is refused with the reason. */
async function loadDraft(c: Context<SignedInEnv>) {
  const round = await loadManagedRound(c)
  if (round.status !== 'draft') throw new HTTPException(409, { message: onlyDrafts })
  return round
}

const editingOf = (round: Round) => ({
  action: `/rounds/${round.id}/edit`,
  cancel: `/rounds/${round.id}`,
})

export const roundsRoutes = new Hono<SignedInEnv>()
  .get('/', async (c) => {
    const grants = c.var.signedIn.grants
    const rounds = (await listRounds(c.var.db, c.var.organisation.id)).filter((r) =>
      may.seeRound(grants, r.groupIds),
    )
    return render(
      c,
      <RoundListPage
        rounds={rounds}
        canCreate={may.createRounds(grants)}
        canImport={may.manageInstruments(grants)}
      />,
      {
        title: 'Assessment rounds',
      },
    )
  })
  .get('/new', requireThat('createRounds'), (c) =>
    renderRoundForm(
      c,
      {
        mode: 'individual',
        anonymityThreshold: String(roundDefaults.anonymityThreshold),
        commentThreshold: String(roundDefaults.commentThreshold),
        itemMid: String(roundDefaults.itemMid),
        teamMid: String(roundDefaults.teamMid),
      },
      {},
    ),
  )
  .post(
    '/new',
    requireThat('createRounds'),
    validForm(roundSchema, async (c, errors) =>
      renderRoundForm(c, await submittedValues(c), errors),
    ),
    async (c) => {
      const { errors, groups, settings } = await checkRound(c, c.req.valid('form'))
      if (Object.keys(errors).length > 0)
        return renderRoundForm(c, await submittedValues(c), errors)
      const id = await createRound(c.var.db, actorOf(c), settings, groups)
      return redirectAfterPost(c, `/rounds/${id}`)
    },
  )
  .get('/:id', async (c) => {
    const round = await loadRound(c)
    return render(c, <RoundPage {...(await roundPageProps(c, round, {}, {}))} />, {
      title: round.name,
    })
  })
  .get('/:id/edit', async (c) => {
    const round = await loadDraft(c)
    return renderRoundForm(c, formValuesOf(round), {}, editingOf(round))
  })
  .post(
    '/:id/edit',
    validForm(roundSchema, async (c, errors) =>
      renderRoundForm(c, await submittedValues(c), errors, editingOf(await loadDraft(c))),
    ),
    async (c) => {
      const round = await loadDraft(c)
      const { errors, groups, settings } = await checkRound(c, c.req.valid('form'))
      if (Object.keys(errors).length > 0)
        return renderRoundForm(c, await submittedValues(c), errors, editingOf(round))
      await updateDraftRound(c.var.db, actorOf(c), round, settings, groups)
      return redirectAfterPost(c, `/rounds/${round.id}`)
    },
  )
  .get('/:id/delete', async (c) => {
    const round = await loadDraft(c)
    return render(c, <DeleteRoundPage round={round} />, { title: `Delete ${round.name}` })
  })
  .post('/:id/delete', async (c) => {
    const round = await loadDraft(c)
    await deleteDraftRound(c.var.db, actorOf(c), round)
    return redirectAfterPost(c, '/rounds')
  })
