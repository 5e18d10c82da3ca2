import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { answersOfRound, consensusRecords } from '../db/queries/exports'
import type { SignedInEnv } from '../env'
import { csvText } from '../instruments/csv-table'
import { toMeasureReportBundle, toResponseBundle } from '../instruments/fhir/records'
import { allPerspectives } from '../instruments/results'
import { requireThat } from '../lib/authorise'
import { closedRound, exported } from '../lib/exports'

/** Exports of a closed round's results, with the same suppression as the pages, each audited. */
export const exportsRoutes = new Hono<SignedInEnv>()
  .use(requireThat('exportResults'))
  .get('/answers.csv', async (c) => {
    const { round, instrument, groups } = await closedRound(c)
    const names = new Map(groups.map((g) => [g.id, g.name]))
    const shownItems = new Map(
      groups.flatMap((g) =>
        Object.entries(g.results.perspectives).flatMap(([perspective, slice]) =>
          slice.items.map((i) => [`${g.id}|${perspective}|${i.linkId}`, i]),
        ),
      ),
    )
    const domains = new Map(instrument.items.map((i) => [i.linkId, i.domain]))
    const rows = await answersOfRound(
      c.var.db,
      c.var.organisation.id,
      round.id,
      groups.map((g) => g.id),
    )
    const body = csvText(
      [
        'round',
        'round_closes_on',
        'group',
        'perspective',
        'instrument',
        'version',
        'linkId',
        'domain',
        'value',
        'code',
      ],
      rows
        .filter((r) => {
          const item = shownItems.get(`${r.groupId}|${r.perspective}|${r.linkId}`)
          if (r.special === 'NA') return item?.naRate !== null && item?.naRate !== undefined
          if (r.special === 'DK') return item?.dkRate !== null && item?.dkRate !== undefined
          return Boolean(item?.figure)
        })
        .map((r) => [
          round.name,
          round.closesOn,
          names.get(r.groupId) ?? '',
          r.perspective,
          instrument.slug,
          instrument.version,
          r.linkId,
          domains.get(r.linkId) ?? '',
          r.value ?? '',
          r.special ?? '',
        ]),
    )
    return exported(c, round.id, 'answers.csv', body)
  })
  .get('/summary.csv', async (c) => {
    const { round, instrument, groups } = await closedRound(c)
    const fewer = round.mode === 'consensus' ? '' : `fewer than ${round.anonymityThreshold}`
    const fixed = (x: number | null | undefined) =>
      x === null || x === undefined ? '' : x.toFixed(1)
    const data = groups.flatMap((g) =>
      [
        [allPerspectives, g.results.all] as const,
        ...Object.entries(g.results.perspectives),
      ].flatMap(([perspective, slice]) => [
        [
          round.name,
          g.name,
          perspective,
          'responses',
          slice.responses === null ? fewer : String(slice.responses),
          '',
          '',
        ],
        ...[...instrument.domains.map((d) => d.key), 'total'].map((measure) => {
          const figure = measure === 'total' ? slice.total : slice.domains[measure]
          if (!figure) return [round.name, g.name, perspective, measure, fewer, '', '']
          return [
            round.name,
            g.name,
            perspective,
            measure,
            String(figure.n),
            fixed(figure.mean),
            fixed(figure.sd),
          ]
        }),
      ]),
    )
    const body = csvText(['round', 'group', 'perspective', 'measure', 'n', 'mean', 'sd'], data)
    return exported(c, round.id, 'summary.csv', body)
  })
  .get('/consensus.json', async (c) => {
    const { round, instrument, groups } = await closedRound(c)
    // Individual responses are never exported one by one: each is a pattern that can identify a
    // person. Their rounds export aggregates only (measure-reports.json, summary.csv, answers.csv).
    if (round.mode !== 'consensus') throw new HTTPException(404)
    const names = new Map(groups.map((g) => [g.id, g.name]))
    const records = await consensusRecords(c.var.db, c.var.organisation.id, round.id)
    const bundle = toResponseBundle(
      instrument,
      round,
      records.map((r) => ({
        id: r.id,
        groupName: names.get(r.groupId) ?? '',
        completedOn: r.completedOn,
        answers: r.answers,
      })),
    )
    return exported(c, round.id, 'consensus.json', bundle)
  })
  .get('/measure-reports.json', async (c) => {
    const { round, instrument, groups } = await closedRound(c)
    // A consensus round's records are its results: they export as QuestionnaireResponses.
    if (round.mode !== 'individual') throw new HTTPException(404)
    const bundle = await toMeasureReportBundle(instrument, round, groups)
    return exported(c, round.id, 'measure-reports.json', bundle)
  })
