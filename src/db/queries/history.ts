import { and, eq } from 'drizzle-orm'
import { type HistoricalRound, instrumentKey } from '../../instruments/history-csv'
import { roundDefaults } from '../../instruments/round-defaults'
import { insertSlices } from '../chunks'
import type { Db } from '../client'
import { answers, responses, roundGroups, rounds } from '../schema'
import { type Actor, auditInsert } from './audit'
import { completionStatements } from './completion'
import { figuresSnapshot } from './figures-snapshot'
import { teamStatements } from './groups'
import type { Response } from './responses'

/**
 * Stores earlier rounds as closed rounds with completed responses, scored and aggregated as if
 * they had been answered here, all in one batch: every statement of it, or none. Respondents'
 * labels from the file are not kept.
 */
export async function importHistory(
  db: Db,
  actor: Actor,
  history: readonly HistoricalRound[],
  /** Teams the file names that are made in the same batch, confirmed by the person importing. */
  newTeams: readonly { id: string; name: string }[] = [],
) {
  const { organisationId } = actor
  const at = actor.at.toISOString()
  const statements = []
  for (const team of newTeams)
    statements.push(
      ...teamStatements(db, actor, team.id, {
        name: team.name,
        teamType: 'other',
        groupingId: null,
        predecessorId: null,
      }),
    )
  for (const round of history) {
    const { instrument } = round
    const roundId = crypto.randomUUID()
    const thisRound = and(eq(rounds.organisationId, organisationId), eq(rounds.id, roundId))
    statements.push(
      db.insert(rounds).values({
        id: roundId,
        organisationId,
        name: round.name,
        instrumentSlug: instrument.slug,
        instrumentVersion: instrument.version,
        perspectives: [...round.perspectives],
        mode: round.mode,
        status: 'draft',
        opensOn: round.date,
        closesOn: round.date,
        ...roundDefaults,
        ...round.thresholds,
        createdAt: at,
      }),
      ...insertSlices(roundGroups, [...round.groupIds]).map((ids) =>
        db.insert(roundGroups).values(ids.map((groupId) => ({ roundId, groupId, organisationId }))),
      ),
      db.update(rounds).set({ status: 'open', openedAt: at }).where(thisRound),
    )
    for (const given of round.responses) {
      const response: Response = {
        id: crypto.randomUUID(),
        organisationId,
        roundId,
        groupId: given.groupId,
        perspective: given.perspective,
        kind: round.mode === 'consensus' ? 'consensus' : 'imported',
        status: 'in-progress',
        startedOn: round.date,
        completedOn: null,
        answered: null,
        applicable: null,
      }
      const saved = [...given.answers].map(([linkId, value]) => ({
        linkId,
        value,
        comment: given.comments?.get(linkId) ?? null,
      }))
      statements.push(
        db.insert(responses).values(response),
        ...insertSlices(answers, saved).map((chunk) =>
          db.insert(answers).values(
            chunk.map((a) => ({
              responseId: response.id,
              linkId: a.linkId,
              organisationId,
              value: typeof a.value === 'number' ? a.value : null,
              special: typeof a.value === 'number' ? null : a.value,
              comment: a.comment,
            })),
          ),
        ),
        ...completionStatements(db, instrument, response, saved, round.date),
      )
    }
    statements.push(
      db.update(rounds).set({ status: 'closed', closedAt: at }).where(thisRound),
      ...figuresSnapshot(db, organisationId, roundId),
    )
  }
  const [first, ...rest] = [
    auditInsert(db, {
      ...actor,
      action: 'rounds.imported',
      subjectType: 'instrument',
      subjectId: [...new Set(history.map((r) => instrumentKey(r.instrument)))].join(', '),
      after: {
        rounds: history.map((r) => r.name),
        teamsMade: newTeams.map((t) => t.name),
        responses: history.reduce((n, r) => n + r.responses.length, 0),
      },
    }),
    ...statements,
  ]
  await db.batch([first, ...rest])
}
