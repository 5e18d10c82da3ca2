import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startServer, stopServer } from '../../scripts/server'
import { openLibsqlDb } from '../../src/db/libsql'
import { createInvitations, responseIdOf } from '../../src/db/queries/invitations'
import { getResponse, listAnswers } from '../../src/db/queries/responses'
import { choicesOf, fieldNames } from '../../src/instruments/answer-form'
import { itemsFor } from '../../src/instruments/scoring'
import {
  createOrganisation,
  createRoundRow,
  createTeamRow,
  teamInstrument,
} from '../helpers/factories'

const folder = mkdtempSync(join(tmpdir(), 'autosave-crash-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const until = async (done: () => boolean) => {
  for (let i = 0; i < 600 && !done(); i++) await new Promise((r) => setTimeout(r, 10))
}

describe('answers through a crash', () => {
  it('keeps every answer the server acknowledged when its process is killed mid-save and started again', async () => {
    const path = join(folder, 'crash.db')
    const instrument = teamInstrument()
    const setUp = await openLibsqlDb({ url: `file:${path}` })
    const organisation = await createOrganisation(setUp.db)
    const team = await createTeamRow(setUp.db, organisation.id, 'Ward A')
    const round = await createRoundRow(setUp.db, organisation.id, [team.id])
    const links = await createInvitations(
      setUp.db,
      { organisationId: organisation.id, actorId: crypto.randomUUID(), at: new Date() },
      round.id,
      [{ groupId: team.id, perspective: 'staff', count: 20 }],
    )
    setUp.close()

    const items = itemsFor(instrument, 'staff')
    let server = await startServer(path, { timing: false })
    const acknowledged = new Map<string, string>()
    // Twenty respondents each answer their questions in order, each as soon as the last was saved.
    const respondent = async (token: string, r: number) => {
      for (const [i, item] of items.entries()) {
        const values = choicesOf(instrument, item).map((c) => c.value)
        const value = values[(i + r) % values.length] ?? ''
        // While the server is down the same answer is sent again, as a respondent would choose it again.
        for (let attempt = 0; attempt < 300; attempt++) {
          try {
            const res = await fetch(`${server.base}/r/${token}/answers/${item.linkId}`, {
              method: 'POST',
              headers: {
                Origin: server.base,
                'Content-Type': 'application/x-www-form-urlencoded',
                'HX-Request': 'true',
              },
              body: new URLSearchParams({ [fieldNames(item.linkId).answer]: value }),
            })
            if (res.status === 200) acknowledged.set(`${token} ${item.linkId}`, value)
            break
          } catch {
            await new Promise((r) => setTimeout(r, 50))
          }
        }
      }
    }
    const answering = Promise.all(links.map((link, r) => respondent(link.token, r)))
    await until(() => acknowledged.size >= 100)
    await stopServer(server, 'SIGKILL')
    const beforeKill = acknowledged.size
    server = await startServer(path, { port: server.port, timing: false })
    await answering
    await stopServer(server)

    expect(beforeKill).toBeGreaterThanOrEqual(100)
    expect(acknowledged.size).toBeGreaterThan(beforeKill)
    const { db, close } = await openLibsqlDb({ url: `file:${path}` })
    try {
      const stored = new Map<string, string>()
      for (const link of links) {
        const response = await getResponse(db, organisation.id, await responseIdOf(link.token))
        for (const answer of response ? await listAnswers(db, response) : [])
          stored.set(`${link.token} ${answer.linkId}`, String(answer.value))
      }
      const lost = [...acknowledged].filter(([key, value]) => stored.get(key) !== value)
      expect(lost).toEqual([])
    } finally {
      close()
    }
  }, 60_000)
})
