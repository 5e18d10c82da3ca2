import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { auditInsert } from '../db/queries/audit'
import { getInstrument } from '../db/queries/instruments'
import { byRoundAndGroup, listRoundGroupFigures } from '../db/queries/results'
import { getRound } from '../db/queries/rounds'
import type { SignedInEnv } from '../env'
import { groupResults } from '../instruments/group-results'
import { actorOf } from './authorise'

/** A closed round with its instrument and each group's figures, rule 6 (docs/rules.md) applied figure by figure. */
export async function closedRound(c: Context<SignedInEnv>) {
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

/**
 * A round's export as an audited download: a CSV as it is, a FHIR resource as JSON. Its kind in
 * the audit log is the file's name without its extension.
 */
export async function exported(
  c: Context<SignedInEnv>,
  roundId: string,
  file: string,
  body: unknown,
) {
  const csv = file.endsWith('.csv')
  await auditInsert(c.var.db, {
    ...actorOf(c),
    action: 'results.exported',
    subjectType: 'round',
    subjectId: roundId,
    after: { export: file.replace(/\.\w+$/, '') },
  })
  return c.body(csv ? String(body) : JSON.stringify(body, null, 2), 200, {
    'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/fhir+json',
    'Content-Disposition': `attachment; filename="${file}"`,
    'Cache-Control': 'no-store',
  })
}
