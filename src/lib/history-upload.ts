import type { Db } from '../db/client'
import { listTeams } from '../db/queries/groups'
import { listPublishedInstruments } from '../db/queries/instruments'
import { getExecutiveGroup } from '../db/queries/organisations'
import { listRounds } from '../db/queries/rounds'
import { utf8Text } from '../instruments/csv-table'
import { instrumentKey, readHistory, roundKey } from '../instruments/history-csv'
import type { FieldErrors } from './validation'

/** What the import form sends: the questionnaire chosen (if any), the file, and the teams to make. */
export type HistoryUpload = { instrument: string; file: File; createTeams: string[] }

/**
 * The rounds a file holds, or its problems: every row read against the organisation's groups and
 * the teams the person confirmed are to be made (given ids now, so the file can name them).
 */
export async function readHistoryUpload(db: Db, organisationId: string, form: HistoryUpload) {
  const refused = (errors: FieldErrors) => ({ errors })
  const published = new Map(
    (await listPublishedInstruments(db, organisationId)).map((i) => [instrumentKey(i), i]),
  )
  const chosen = published.get(form.instrument)
  if (form.instrument && !chosen)
    return refused({ instrument: 'Choose a questionnaire from the list' })
  const read = await utf8Text(form.file)
  if ('problem' in read) return refused({ file: read.problem })
  const [executive, teams, existing] = await Promise.all([
    getExecutiveGroup(db, organisationId),
    listTeams(db, organisationId),
    listRounds(db, organisationId),
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
