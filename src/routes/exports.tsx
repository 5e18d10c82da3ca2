import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { auditInsert } from '../db/queries/audit'
import { answersOfRound, consensusRecords } from '../db/queries/exports'
import { getInstrument } from '../db/queries/instruments'
import { byRoundAndGroup, listRoundGroupFigures } from '../db/queries/results'
import { getRound } from '../db/queries/rounds'
import type { AppEnv } from '../env'
import { csvText } from '../instruments/csv-table'
import { toMeasureReportBundle, toResponseBundle } from '../instruments/fhir/records'
import { allPerspectives, groupResults } from '../instruments/results'
import { actorOf, may, onlyWho, requireThat } from '../lib/authorise'

/** A closed round with its instrument and each group's figures, rule 6 (docs/rules.md) applied figure by figure. */
async function closedRound(c: Context<AppEnv>) {
  const { db, organisation } = c.var
  const round = await getRound(db, organisation.id, c.req.query('round') ?? '')
  if (round?.status !== 'closed') throw new HTTPException(404)
  const entry = await getInstrument(
    db,
    organisation.id,
    round.instrumentSlug,
    round.instrumentVersion,
  )
  if (!entry) throw new HTTPException(404)
  const kept = byRoundAndGroup(
    await listRoundGroupFigures(
      db,
      organisation.id,
      round.id,
      round.groups.map((g) => g.id),
    ),
  ).get(round.id)
  const groups = round.groups.map((g) => ({
    ...g,
    results: groupResults(round, kept?.get(g.id)?.rows ?? [], { instrument: entry.instrument }),
  }))
  return { round, instrument: entry.instrument, groups }
}

async function exported(
  c: Context<AppEnv>,
  kind: string,
  roundId: string,
  body: string,
  type: string,
  file: string,
) {
  await auditInsert(c.var.db, {
    ...actorOf(c),
    action: 'results.exported',
    subjectType: 'round',
    subjectId: roundId,
    after: { export: kind },
  })
  return c.body(body, 200, {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${file}"`,
    'Cache-Control': 'no-store',
  })
}

/** A FHIR resource as an audited download. */
const exportedFhir = (c: Context<AppEnv>, kind: string, roundId: string, resource: unknown) =>
  exported(
    c,
    kind,
    roundId,
    JSON.stringify(resource, null, 2),
    'application/fhir+json',
    `${kind}.json`,
  )

/** Exports of a closed round's results, with the same suppression as the pages, each audited. */
export const exportsRoutes = new Hono<AppEnv>()
  .use(requireThat(may.exportResults, onlyWho.exportResults))
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
    return exported(c, 'answers', round.id, body, 'text/csv; charset=utf-8', 'answers.csv')
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
    return exported(c, 'summary', round.id, body, 'text/csv; charset=utf-8', 'summary.csv')
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
    return exportedFhir(c, 'consensus', round.id, bundle)
  })
  .get('/measure-reports.json', async (c) => {
    const { round, instrument, groups } = await closedRound(c)
    // A consensus round's records are its results: they export as QuestionnaireResponses.
    if (round.mode !== 'individual') throw new HTTPException(404)
    const bundle = await toMeasureReportBundle(instrument, round, groups)
    return exportedFhir(c, 'measure-reports', round.id, bundle)
  })
