import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { HistoryImportPage } from '../../../views/pages/rounds/import'
import { listTeams } from '../../db/queries/groups'
import { importHistory } from '../../db/queries/history'
import { listInstruments } from '../../db/queries/instruments'
import { getExecutiveGroup } from '../../db/queries/organisations'
import { listRounds, roundDefaults } from '../../db/queries/rounds'
import type { AppEnv } from '../../env'
import { csvText, utf8Text } from '../../instruments/csv-table'
import { instrumentKey, type Problem, readHistory, roundKey } from '../../instruments/history-csv'
import { wholeNumber } from '../../instruments/numbers'
import { thresholdRules } from '../../instruments/results'
import { actorOf, requireThat } from '../../lib/authorise'
import { redirectAfterPost, render } from '../../lib/htmx'
import { csvFileBytes } from '../../lib/security'
import {
  type FieldErrors,
  type FormValues,
  many,
  uploadedFile,
  validForm,
} from '../../lib/validation'
import { thresholdFields } from './round-form'

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

type Upload = z.output<typeof uploadSchema>

async function renderImport(
  c: Context<AppEnv>,
  errors: FieldErrors,
  values: FormValues,
  read: { problems: Problem[]; unknownGroups: string[] } = { problems: [], unknownGroups: [] },
) {
  const catalogue = await listInstruments(c.var.db, c.var.organisation.id)
  const instruments = catalogue
    .filter((e) => e.instrument.status !== 'draft')
    .map(({ instrument: i }) => ({
      value: `${i.slug}@${i.version}`,
      text: `${i.title} (version ${i.version})`,
    }))
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
 * The rounds a file holds, or its problems: every row read against the organisation's groups and
 * the teams the person confirmed are to be made (given ids now, so the file can name them).
 */
async function readUpload(c: Context<AppEnv>, form: Upload) {
  const { db, organisation } = c.var
  const refused = (errors: FieldErrors) => ({ errors })
  const published = new Map(
    (await listInstruments(db, organisation.id))
      .filter((e) => e.instrument.status !== 'draft')
      .map((e) => [instrumentKey(e.instrument), e.instrument]),
  )
  const chosen = published.get(form.instrument)
  if (form.instrument && !chosen)
    return refused({ instrument: 'Choose a questionnaire from the list' })
  const read = await utf8Text(form.file)
  if ('problem' in read) return refused({ file: read.problem })
  const [executive, teams, existing] = await Promise.all([
    getExecutiveGroup(db, organisation.id),
    listTeams(db, organisation.id),
    listRounds(db, organisation.id),
  ])
  const known = new Set([executive, ...teams].map((g) => g?.name.trim().toLowerCase()))
  const newTeams = [...new Set(form.createTeams.map((name) => name.trim()))]
    .filter((name) => name !== '' && name.length <= 120 && !known.has(name.toLowerCase()))
    .map((name) => ({ id: crypto.randomUUID(), name }))
  const history = readHistory(read.text, {
    instrument: chosen,
    instruments: published,
    groups: [...(executive ? [executive] : []), ...teams, ...newTeams],
    existingRounds: new Set(
      existing.map((r) =>
        roundKey(r.name, { slug: r.instrumentSlug, version: r.instrumentVersion }),
      ),
    ),
  })
  return { newTeams, ...history }
}

/**
 * Earlier rounds from a CSV, all or nothing; strategy leads and admins, as for instruments. Teams
 * the file names that do not exist are listed, and made in the same batch once confirmed.
 */
export const roundImportRoutes = new Hono<AppEnv>()
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
      const read = await readUpload(c, form)
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
      const read = await readUpload(c, c.req.valid('form'))
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
