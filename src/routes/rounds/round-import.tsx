import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { HistoryImportPage } from '../../../views/pages/rounds/import'
import { importHistory } from '../../db/queries/history'
import { listPublishedInstruments } from '../../db/queries/instruments'
import type { SignedInEnv } from '../../env'
import { csvText } from '../../instruments/csv-table'
import type { Problem } from '../../instruments/history-csv'
import { wholeNumber } from '../../instruments/numbers'
import { thresholdRules } from '../../instruments/results'
import { roundDefaults } from '../../instruments/round-defaults'
import { actorOf, requireThat } from '../../lib/authorise'
import { readHistoryUpload } from '../../lib/history-upload'
import { redirectAfterPost } from '../../lib/responses'
import { csvFileBytes } from '../../lib/security'
import {
  type FieldErrors,
  type FormValues,
  many,
  uploadedFile,
  validForm,
} from '../../lib/validation'
import { render } from '../render'
import { instrumentChoice, thresholdFields } from './round-form'

const title = 'Import earlier rounds'

/** A threshold for the imported rounds, as the round form reads it: the usual one when left empty. */
const threshold = (name: keyof typeof thresholdFields) =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? thresholdRules[name].usual : value),
    thresholdFields[name],
  )

const uploadSchema = z.object({
  instrument: z.string().optional().default(''),
  file: uploadedFile('a CSV file', csvFileBytes),
  anonymityThreshold: threshold('anonymityThreshold'),
  commentThreshold: threshold('commentThreshold'),
  createTeams: many,
})

async function renderImport(
  c: Context<SignedInEnv>,
  errors: FieldErrors,
  values: FormValues,
  read: { problems: Problem[]; unknownGroups: string[] } = { problems: [], unknownGroups: [] },
) {
  const instruments = (await listPublishedInstruments(c.var.db, c.var.organisation.id)).map(
    instrumentChoice,
  )
  return render(
    c,
    <HistoryImportPage
      errors={errors}
      problems={read.problems}
      unknownGroups={read.unknownGroups}
      instruments={instruments}
      values={{
        anonymityThreshold: String(roundDefaults.anonymityThreshold),
        commentThreshold: String(roundDefaults.commentThreshold),
        ...values,
      }}
    />,
    { title, errors },
  )
}

/**
 * Earlier rounds from a CSV, all or nothing; strategy leads and admins, as for instruments. Teams
 * the file names that do not exist are listed, and made in the same batch once confirmed.
 */
export const roundImportRoutes = new Hono<SignedInEnv>()
  .use(requireThat('manageInstruments'))
  .get('/', (c) => renderImport(c, {}, {}))
  .post(
    '/',
    validForm(uploadSchema, (c, errors, values) => renderImport(c, errors, values)),
    async (c) => {
      const form = c.req.valid('form')
      const values = {
        instrument: form.instrument,
        anonymityThreshold: String(form.anonymityThreshold),
        commentThreshold: String(form.commentThreshold),
      }
      const read = await readHistoryUpload(c.var.db, c.var.organisation.id, form)
      if ('errors' in read) return renderImport(c, read.errors, values)
      if (read.problems.length > 0) {
        const count = `${wholeNumber(read.problems.length)} ${read.problems.length === 1 ? 'problem' : 'problems'}`
        return renderImport(
          c,
          { file: `The file has ${count}, summarised below; nothing was imported` },
          values,
          read,
        )
      }
      const thresholds = {
        anonymityThreshold: form.anonymityThreshold,
        commentThreshold: form.commentThreshold,
      }
      await importHistory(
        c.var.db,
        actorOf(c),
        read.rounds.map((round) => ({ ...round, thresholds })),
        read.newTeams,
      )
      return redirectAfterPost(c, '/rounds')
    },
  )
  .post(
    '/problems.csv',
    validForm(uploadSchema, (c, errors, values) => renderImport(c, errors, values)),
    async (c) => {
      const read = await readHistoryUpload(c.var.db, c.var.organisation.id, c.req.valid('form'))
      if ('errors' in read) return renderImport(c, read.errors, {})
      return c.body(
        csvText(
          ['row', 'column', 'problem'],
          read.problems.map((p) => [String(p.row), p.column, p.message]),
        ),
        200,
        {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="import-problems.csv"',
        },
      )
    },
  )
