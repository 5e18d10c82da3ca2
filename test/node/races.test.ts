import { createClient } from '@libsql/client'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibsqlDb } from '../../src/db/libsql'
import { createInvitations } from '../../src/db/queries/invitations'
import { getFirstOrganisation } from '../../src/db/queries/organisations'
import { answerMap } from '../../src/db/queries/responses'
import { answers, respondentScores, responses } from '../../src/db/schema'
import { totalMeasure } from '../../src/instruments/results'
import { scoreRespondent } from '../../src/instruments/scoring'
import { type RunningServer, startServer } from '../e2e/support/server'
import { createRoundRow, createTeamRow, teamInstrument } from '../helpers/factories'
import { firstAdmin } from '../helpers/signed-in'

let server: RunningServer
beforeEach(async () => {
  server = await startServer()
})
afterEach(async () => {
  await server.stop()
})

/** A form post to the running server, as a browser on its own pages sends it. */
const post = (path: string, fields: Record<string, string>) =>
  fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams(fields),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: server.baseUrl,
      'Sec-Fetch-Site': 'same-origin',
    },
  })

/** How many passwords the server checked: each check is audited, as a sign-in or a failure. */
async function passwordsChecked() {
  const client = createClient({ url: server.databaseUrl })
  try {
    const { rows } = await client.execute(
      "select count(*) as n from audit_log where action in ('sign-in', 'sign-in.failed')",
    )
    return Number(rows[0]?.n)
  } finally {
    client.close()
  }
}

describe('races on a running server', () => {
  it('checks at most five passwords of one account however many arrive at once', async () => {
    expect((await post('/setup', firstAdmin)).status).toBe(303)
    const before = await passwordsChecked()
    const sign = (password: string) =>
      post('/sign-in', { email: firstAdmin.email, password }).then(async (r) => {
        await r.arrayBuffer()
        return r.status
      })
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => sign(`wrong ${i}`)))
    expect(burst.filter((s) => s === 422)).toHaveLength(5)
    expect(burst.filter((s) => s === 429)).toHaveLength(35)
    expect((await passwordsChecked()) - before).toBe(5)
    const right = await sign(firstAdmin.password)
    expect(right).toBe(429)
    expect((await passwordsChecked()) - before).toBe(5)
  }, 60_000)

  it('submits each link once however often it is sent, and keeps every acknowledged answer in the scores', async () => {
    expect((await post('/setup', firstAdmin)).status).toBe(303)
    const { db, close } = await openLibsqlDb({ url: server.databaseUrl })
    const instrument = teamInstrument()
    const links = await (async () => {
      const organisation = await getFirstOrganisation(db)
      if (!organisation) throw new Error('no organisation')
      const team = await createTeamRow(db, organisation.id, 'Willow Ward')
      const round = await createRoundRow(db, organisation.id, [team.id])
      return createInvitations(
        db,
        { organisationId: organisation.id, actorId: crypto.randomUUID(), at: new Date() },
        round.id,
        [{ groupId: team.id, perspective: 'staff', count: 8 }],
      )
    })()
    const [first, ...rest] = instrument.items
    const acknowledged = new Map<string, Map<string, number>>()
    await Promise.all(
      links.map(async (link, i) => {
        const base = `/r/${link.token}`
        const mine = new Map<string, number>()
        acknowledged.set(`link ${i}`, mine)
        expect((await fetch(`${server.baseUrl}${base}`)).status).toBe(200)
        const save = async (linkId: string, value: number, comment = '') => {
          const res = await post(`${base}/answers/${linkId}`, {
            [`answer-${linkId}`]: String(value),
            [`comment-${linkId}`]: comment,
          })
          await res.arrayBuffer()
          if (res.status === 200) mine.set(linkId, value)
          else expect(res.status).toBe(409)
        }
        await save(first?.linkId ?? '', 3, `link ${i}`)
        const submits = Array.from({ length: 4 }, () =>
          post(`${base}/submit`, {}).then(async (r) => {
            await r.arrayBuffer()
            return r.status
          }),
        )
        const saves = rest.slice(0, 12).map((item, j) => save(item.linkId, (j % 5) + 1))
        const statuses = await Promise.all(submits)
        await Promise.all(saves)
        expect(statuses.filter((s) => s === 303)).toHaveLength(1)
      }),
    )
    const stored = await db.select().from(responses)
    expect(stored).toHaveLength(links.length)
    expect(stored.every((r) => r.status === 'completed')).toBe(true)
    for (const response of stored) {
      const given = await db.select().from(answers).where(eq(answers.responseId, response.id))
      const label = given.find((a) => a.comment?.startsWith('link '))?.comment ?? ''
      const mine = acknowledged.get(label)
      expect(mine, `the response of ${label}`).toBeDefined()
      // Every answer the server acknowledged is stored...
      for (const [linkId, value] of mine ?? [])
        expect(given.find((a) => a.linkId === linkId)?.value, `${label} ${linkId}`).toBe(value)
      // ...and the scores are those of the answers stored.
      const saved = given.map((a) => ({ linkId: a.linkId, value: a.value, comment: a.comment }))
      const expected = scoreRespondent(instrument, answerMap(saved), 'staff')
      const [total] = await db
        .select()
        .from(respondentScores)
        .where(eq(respondentScores.responseId, response.id))
        .then((rows) => rows.filter((r) => r.measure === totalMeasure))
      if (expected.total === null) expect(total?.score ?? null, label).toBeNull()
      else expect(total?.score, label).toBeCloseTo(expected.total, 9)
    }
    close()
  }, 120_000)
})
