import { choicesOf } from './answer-form'
import { type CsvProblem, readCsvTable } from './csv-table'
import { readDate } from './dates'
import { type Instrument, type Perspective, perspectives } from './definition'
import type { AnswerValue } from './scoring'

export const historyColumns = [
  'round_name',
  'round_date',
  'group',
  'perspective',
  'mode',
  'respondent',
  'linkId',
  'value',
] as const
/** A column a file may add: the questionnaire of each row, as slug@version, when a file holds several. */
export const instrumentColumn = 'instrument'
type Column = (typeof historyColumns)[number] | typeof instrumentColumn
export const maxHistoryRows = 20_000

export type Problem = CsvProblem<Column>

export type HistoricalResponse = {
  groupId: string
  perspective: Perspective
  answers: Map<string, AnswerValue>
  /** Comments left beside answers, by linkId (paper rounds may carry them). */
  comments?: Map<string, string>
}
export type HistoricalRound = {
  name: string
  /** The questionnaire its answers were given to. */
  instrument: Instrument
  /** The round's thresholds, where they were not the defaults. */
  thresholds?: { anonymityThreshold?: number; commentThreshold?: number }
  date: string
  mode: 'individual' | 'consensus'
  groupIds: Set<string>
  perspectives: Set<Perspective>
  responses: HistoricalResponse[]
}

type Context = {
  /** The questionnaire of rows that do not name one (the form's choice), if any. */
  instrument?: Instrument | undefined
  /** Every questionnaire a row may name, by slug@version. */
  instruments?: ReadonlyMap<string, Instrument>
  groups: readonly { id: string; name: string }[]
  /** Rounds already held, as `name|slug@version` in lower case: a file may not add them again. */
  existingRounds: ReadonlySet<string>
}

export const instrumentKey = (instrument: { slug: string; version: number }) =>
  `${instrument.slug}@${instrument.version}`

/** The key of a round by its name and questionnaire, for telling rounds apart. */
export const roundKey = (name: string, instrument: { slug: string; version: number }) =>
  `${name.trim().toLowerCase()}|${instrumentKey(instrument)}`

/**
 * Reads a CSV of earlier rounds, one answer a row, into rounds of responses: of the questionnaire
 * chosen on the form, or of each row's own (an instrument column, slug@version), so one file may
 * hold several. Every problem is listed by row and column; any problem means nothing is to be
 * stored. UTF-8 with or without a byte-order mark, CRLF or LF, quoted fields as spreadsheets save
 * them.
 */
export function readHistory(
  text: string,
  { instrument: chosen, instruments = new Map(), groups, existingRounds }: Context,
): { rounds: HistoricalRound[]; problems: Problem[]; unknownGroups: string[] } {
  const table = readCsvTable<Column>(text, historyColumns, {
    maxRows: maxHistoryRows,
    what: 'answers',
  })
  if (table.problem) return { rounds: [], problems: [table.problem], unknownGroups: [] }
  const unknownGroups = new Map<string, string>()
  const problems: Problem[] = []
  const groupByName = new Map(groups.map((g) => [g.name.trim().toLowerCase(), g.id]))
  const itemsOf = new Map<Instrument, Map<string, Instrument['items'][number]>>()
  const itemMap = (of: Instrument) => {
    const known = itemsOf.get(of) ?? new Map(of.items.map((item) => [item.linkId, item]))
    itemsOf.set(of, known)
    return known
  }
  const rounds = new Map<string, HistoricalRound & { firstRow: number }>()
  const respondents = new Map<string, HistoricalResponse & { firstRow: number }>()
  const seen = new Map<string, number>()

  for (const { row, cell } of table.rows) {
    const problem = (column: Column, message: string) => problems.push({ row, column, message })
    const before = problems.length

    const named = cell(instrumentColumn)
    const instrument = named ? instruments.get(named) : chosen
    if (!instrument) {
      problem(
        instrumentColumn,
        named
          ? `There is no published questionnaire “${named}”: use ${[...instruments.keys()].join(', ')}`
          : 'Choose the questionnaire on the form, or name it in an instrument column',
      )
      continue
    }
    const items = itemMap(instrument)
    const name = cell('round_name')
    if (!name) problem('round_name', 'Enter the name of the round')
    else if (existingRounds.has(roundKey(name, instrument)))
      problem('round_name', `A round called “${name}” of ${instrument.title} already exists`)
    const date = readDate(cell('round_date'))
    if (!date)
      problem(
        'round_date',
        `“${cell('round_date')}” is not a date; write it as 2024-03-31 or 31/03/2024`,
      )
    const groupId = groupByName.get(cell('group').toLowerCase())
    if (!groupId && cell('group')) {
      problem('group', `There is no group called “${cell('group')}”`)
      unknownGroups.set(cell('group').toLowerCase(), cell('group'))
    } else if (!groupId) problem('group', 'Enter the name of the team, or of the executive group')
    const perspective = cell('perspective') as Perspective
    if (!perspectives.includes(perspective) || !instrument.perspectives.includes(perspective)) {
      problem(
        'perspective',
        `“${cell('perspective')}” is not a perspective of ${instrument.title}: use ${instrument.perspectives.join(', ')}`,
      )
    }
    const mode = cell('mode')
    if (mode !== 'individual' && mode !== 'consensus')
      problem('mode', `“${mode}” is not a mode: use individual or consensus`)
    const respondent = cell('respondent')
    if (!respondent) problem('respondent', 'Enter a label for the respondent, or consensus')
    else if (mode === 'consensus' && respondent !== 'consensus')
      problem('respondent', 'In consensus mode the respondent is consensus')
    else if (mode === 'individual' && respondent === 'consensus')
      problem('respondent', 'consensus is a respondent only in consensus mode')
    const item = items.get(cell('linkId'))
    if (!item)
      problem('linkId', `${instrument.title} has no question ${cell('linkId') || '(blank)'}`)
    else if (!item.text[perspective] && perspectives.includes(perspective))
      problem('linkId', `Question ${item.linkId} is not asked of ${perspective}`)
    const raw = cell('value').toUpperCase()
    const choice = item
      ? choicesOf(instrument, item).find(
          (c) => c.value === raw || (raw !== '' && Number(c.value) === Number(raw)),
        )
      : undefined
    if (item && !choice)
      problem(
        'value',
        `“${cell('value')}” is not an answer to ${item.linkId}: use ${choicesOf(instrument, item)
          .map((c) => c.value)
          .join(', ')}`,
      )

    const key = roundKey(name, instrument)
    const round = rounds.get(key) ?? {
      name,
      instrument,
      date: date ?? '',
      mode: mode as HistoricalRound['mode'],
      groupIds: new Set(),
      perspectives: new Set(),
      responses: [],
      firstRow: row,
    }
    if (name && !rounds.has(key) && problems.length === before) rounds.set(key, round)
    if (name && rounds.has(key)) {
      if (mode && round.mode !== mode)
        problem(
          'mode',
          `Round “${name}” is ${round.mode} on row ${round.firstRow}; a round has one mode`,
        )
      if (date && round.date !== date)
        problem(
          'round_date',
          `Round “${name}” is dated ${round.date} on row ${round.firstRow}; a round has one date`,
        )
    }
    const answerKey = [key, groupId, respondent, item?.linkId].join('\u0000')
    const first = seen.get(answerKey)
    if (first !== undefined)
      problem(
        'linkId',
        `The same answer appears twice: ${respondent}, ${item?.linkId}, first on row ${first}`,
      )
    else seen.set(answerKey, row)
    const who = [key, groupId, respondent].join('\u0000')
    const earlier = respondents.get(who)
    if (earlier && earlier.perspective !== perspective)
      problem(
        'perspective',
        `Respondent ${respondent} answers as ${earlier.perspective} on row ${earlier.firstRow}; one respondent has one perspective`,
      )
    if (problems.length > before || !groupId || !choice || !item) continue

    round.groupIds.add(groupId)
    round.perspectives.add(perspective)
    const response = earlier ?? { groupId, perspective, answers: new Map(), firstRow: row }
    if (!earlier) {
      respondents.set(who, response)
      round.responses.push(response)
    }
    response.answers.set(
      item.linkId,
      choice.value === 'NA' || choice.value === 'DK' ? choice.value : Number(choice.value),
    )
  }
  if (problems.length === 0 && rounds.size === 0)
    problems.push({ row: 2, column: 'file', message: 'The file has no answers' })
  return {
    rounds: problems.length > 0 ? [] : [...rounds.values()],
    problems,
    unknownGroups: [...unknownGroups.values()],
  }
}
