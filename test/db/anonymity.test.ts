import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import type { Db } from '../../src/db/client'
import { completeResponse } from '../../src/db/queries/completion'
import { createInvitations, responseIdOf } from '../../src/db/queries/invitations'
import { saveAnswers } from '../../src/db/queries/responses'
import { hashToken } from '../../src/db/tokens'
import {
  createOrganisation,
  createPerson,
  createRoundRow,
  createTeamRow,
  startResponse,
  teamInstrument,
} from '../helpers/factories'
import { answersFor } from '../instruments/arbitraries'

const instrument = teamInstrument()
/** Tables that hold what respondents answered, and those that know who people or links are. */
const answerTables = [
  'responses',
  'answers',
  'item_aggregates',
  'respondent_scores',
  'score_aggregates',
]
const identityTables = [
  'invitations',
  'people',
  'sessions',
  'role_grants',
  'password_tokens',
  'audit_log',
]
/** The columns an invitation and a response may share: what both are for, never who. */
const sharedScope = new Set(['organisation_id', 'round_id', 'group_id', 'perspective'])

const columnsOf = async (db: Db, table: string) =>
  (await db.all<{ name: string }>(sql.raw(`pragma table_info("${table}")`))).map((c) => c.name)
const foreignKeysOf = async (db: Db, table: string) =>
  (await db.all<{ table: string }>(sql.raw(`pragma foreign_key_list("${table}")`))).map(
    (f) => f.table,
  )
const rowsOf = (db: Db, table: string) =>
  db.all<Record<string, unknown>>(sql.raw(`select * from "${table}"`))

describe('anonymity by construction', () => {
  it('has no column, key, view or trigger joining answers to links or people', async () => {
    const { db } = await freshHarness()
    for (const table of answerTables) {
      for (const column of await columnsOf(db, table)) {
        expect(column, `${table}.${column}`).not.toMatch(
          /person|people|user|email|name|label|token|invitation|session|actor|address|ip_|agent|_at$/,
        )
      }
      for (const target of await foreignKeysOf(db, table))
        expect(identityTables, `${table} → ${target}`).not.toContain(target)
    }
    for (const table of identityTables) {
      for (const column of await columnsOf(db, table))
        expect(column, `${table}.${column}`).not.toMatch(/response|answer|score/)
      for (const target of await foreignKeysOf(db, table))
        expect(answerTables, `${table} → ${target}`).not.toContain(target)
    }
    const objects = await db.all<{ name: string; sql: string | null }>(
      sql`select name, sql from sqlite_master where type in ('view', 'trigger')`,
    )
    for (const { name, sql: body } of objects) {
      const text = body ?? ''
      const answersNamed = answerTables.some((t) => text.includes(t))
      const identityNamed = identityTables.some((t) => text.includes(t))
      expect(answersNamed && identityNamed, name).toBe(false)
    }
  })

  it('shares no value between any invitation or person and any stored answer, and keeps dates only', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(answersFor(instrument), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 3 }),
        async (given, unused) => {
          const { db } = await freshHarness()
          const org = await createOrganisation(db)
          const team = await createTeamRow(db, org.id, 'Ward 3')
          const lead = await createPerson(db, org.id, {
            email: 'lead@trust.example',
            grants: [{ role: 'team-lead', groupId: team.id }],
          })
          const round = await createRoundRow(db, org.id, [team.id])
          const actor = {
            organisationId: org.id,
            actorId: lead.id,
            at: new Date('2027-03-02T10:11:12Z'),
          }
          const links = await createInvitations(db, actor, round.id, [
            { groupId: team.id, perspective: 'staff', count: given.length + unused },
          ])
          for (const [i, answers] of given.entries()) {
            const token = links[i]?.token ?? ''
            const scope = {
              organisationId: org.id,
              roundId: round.id,
              groupId: team.id,
              perspective: 'staff',
            }
            const response = await startResponse(db, {
              ...scope,
              id: await responseIdOf(token),
              kind: 'individual',
              startedOn: '2027-03-03',
            })
            await saveAnswers(
              db,
              response,
              Object.entries(answers).flatMap(([linkId, value]) =>
                value === undefined ? [] : [{ linkId, value, comment: 'fine' }],
              ),
            )
            await completeResponse(db, instrument, response, '2027-03-04', await hashToken(token))
          }
          const identityValues = new Set<string>([
            ...links.map((l) => l.token),
            // Nothing kept after submission may be worked out from a link, not even a digest of it.
            ...(await Promise.all(links.map((l) => responseIdOf(l.token)))),
            lead.id,
            lead.email,
          ])
          for (const table of identityTables) {
            for (const row of await rowsOf(db, table)) {
              for (const [column, value] of Object.entries(row)) {
                if (!sharedScope.has(column) && typeof value === 'string' && value.length >= 8)
                  identityValues.add(value)
              }
            }
          }
          for (const table of answerTables) {
            for (const row of await rowsOf(db, table)) {
              for (const [column, value] of Object.entries(row)) {
                if (sharedScope.has(column) || typeof value !== 'string') continue
                expect(identityValues.has(value), `${table}.${column}`).toBe(false)
                if (/_on$/.test(column))
                  expect(value, `${table}.${column}`).toMatch(/^\d{4}-\d{2}-\d{2}$/)
              }
            }
          }
          const audit = JSON.stringify(await rowsOf(db, 'audit_log'))
          for (const row of await rowsOf(db, 'responses'))
            expect(audit).not.toContain(String(row.id))
        },
      ),
      { numRuns: 6 },
    )
  })
})
