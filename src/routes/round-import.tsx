import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { HistoryImportPage } from '../../views/pages/rounds/import'
import { listTeams } from '../db/queries/groups'
import { importHistory } from '../db/queries/history'
import { findInstrument, listInstruments } from '../db/queries/instruments'
import { getExecutiveGroup } from '../db/queries/organisations'
import { listRounds } from '../db/queries/rounds'
import type { AppEnv } from '../env'
import { utf8Text } from '../instruments/csv-table'
import { type Problem, readHistory } from '../instruments/history-csv'
import { actorOf, may, onlyWho, requireThat } from '../lib/authorise'
import { redirectAfterPost, render } from '../lib/htmx'
import { csvFileBytes, megabytes } from '../lib/security'
import { type FieldErrors, validForm } from '../lib/validation'

const title = 'Import earlier rounds'

const uploadSchema = z.object({
  instrument: z.string().min(1, 'Choose the questionnaire the answers were given to'),
  file: z
    .instanceof(File, { error: 'Choose a CSV file to upload' })
    .refine((file) => file.size > 0, 'Choose a CSV file to upload')
    .refine(
      (file) => file.size <= csvFileBytes,
      `The file must be ${megabytes(csvFileBytes)} or smaller`,
    ),
})

async function renderImport(
  c: Context<AppEnv>,
  errors: FieldErrors,
  problems: Problem[] = [],
  instrument?: string,
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
      problems={problems}
      instruments={instruments}
      instrument={instrument}
    />,
    { title, errors },
  )
}

/** Earlier rounds from a CSV, all or nothing; strategy leads and admins, as for instruments. */
export const roundImportRoutes = new Hono<AppEnv>()
  .use(requireThat(may.manageInstruments, onlyWho.manageInstruments))
  .get('/', (c) => renderImport(c, {}))
  .post(
    '/',
    validForm(uploadSchema, (c, errors, values) => renderImport(c, errors, [], values.instrument)),
    async (c) => {
      const { db, organisation } = c.var
      const form = c.req.valid('form')
      const [slug = '', version = ''] = form.instrument.split('@')
      const entry = await findInstrument(db, organisation.id, slug, Number(version))
      if (!entry || entry.instrument.status === 'draft') {
        return renderImport(c, { instrument: 'Choose a questionnaire from the list' })
      }
      const [executive, teams, existing] = await Promise.all([
        getExecutiveGroup(db, organisation.id),
        listTeams(db, organisation.id),
        listRounds(db, organisation.id),
      ])
      const read = await utf8Text(form.file)
      if ('problem' in read) return renderImport(c, { file: read.problem }, [], form.instrument)
      const { rounds, problems } = readHistory(read.text, {
        instrument: entry.instrument,
        groups: [...(executive ? [executive] : []), ...teams],
        existingRoundNames: new Set(existing.map((r) => r.name.toLowerCase())),
      })
      if (problems.length > 0) {
        const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`
        return renderImport(
          c,
          { file: `The file has ${count}, listed below; nothing was imported` },
          problems,
          form.instrument,
        )
      }
      await importHistory(db, actorOf(c), entry.instrument, rounds)
      return redirectAfterPost(c, '/rounds')
    },
  )
