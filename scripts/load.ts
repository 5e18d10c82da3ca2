import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { eq } from 'drizzle-orm'
import { createInvitations, responseIdOf } from '../src/db/queries/invitations'
import { answers, people, roundGroups, rounds } from '../src/db/schema'
import { choicesOf, fieldNames } from '../src/instruments/answer-form'
import { findBuiltIn } from '../src/instruments/registry'
import { itemsFor } from '../src/instruments/scoring'
import { openFile } from './database'
import { cpuMs, startServer, stopServer } from './server'

export type LoadOptions = {
  /** Respondents saving at once: one connection each. */
  connections: number
  seconds: number
  /** Kills the server with SIGKILL halfway through and starts it again on the same file. */
  crash?: boolean
}

export type LoadResult = {
  connections: number
  seconds: number
  saves: number
  savesPerSecond: number
  /** The server's CPU for each save, in milliseconds. */
  cpuMsPerSave: number
  p50: number
  p99: number
  errors: number
  acknowledged: number
  lost: number
  crashed: boolean
}

/** Seconds of saving before the measured run: the server's code is then as it runs for hours. */
const warmSeconds = 3

/**
 * Respondents autosaving at once, each answering the questions of their own link one after
 * another as fast as the server acknowledges them, against a copy of the reference trust (so the
 * benchmark's data stay as seeded). Afterwards every answer the server acknowledged is looked for
 * in the file: an acknowledged answer missing or different is lost.
 */
export async function loadRun(referencePath: string, options: LoadOptions): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'recovery-load-'))
  const path = join(dir, 'load.db')
  copyFileSync(referencePath, path)
  const instrument = findBuiltIn('team-recovery-focus', 1)
  if (!instrument) throw new Error('The team questionnaire is missing')
  const items = itemsFor(instrument, 'staff').map((item) => ({
    field: fieldNames(item.linkId).answer,
    linkId: item.linkId,
    values: choicesOf(instrument, item).map((c) => c.value),
  }))
  // Enough links that no question is answered twice: at most 4,000 saves a second.
  const links = Math.ceil(((warmSeconds + options.seconds) * 4_000) / items.length)
  const tokens = await makeLinks(path, links)

  let server = await startServer(path, { timing: false })
  const acknowledged = new Map<string, string>()
  // The n-th save, whichever connection sends it: as many respondents at once as connections, each
  // answering their questions in order, then the next as many.
  let sent = 0
  const saveNumber = (n: number) => {
    const together = options.connections * items.length
    const within = n % together
    const respondent =
      Math.floor(n / together) * options.connections + (within % options.connections)
    const token = tokens[respondent]
    const item = items[Math.floor(within / options.connections)]
    if (!token || !item) throw new Error('The run needs more links than were made')
    const value = item.values[n % item.values.length] ?? ''
    return { token, item, value }
  }
  // autocannon hands the same context to a request's setup and to its response, then a new one.
  type Context = { sent?: { key: string; value: string } }
  const saving = (seconds: number) =>
    autocannon({
      url: server.base,
      connections: options.connections,
      duration: seconds,
      timeout: 10,
      initialContext: {},
      requests: [
        {
          method: 'POST',
          setupRequest: (request, context) => {
            const { token, item, value } = saveNumber(sent++)
            ;(context as Context).sent = { key: `${token}|${item.linkId}`, value }
            return {
              ...request,
              path: `/r/${token}/answers/${encodeURIComponent(item.linkId)}`,
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                origin: server.base,
                'hx-request': 'true',
              },
              body: new URLSearchParams({ [item.field]: value }).toString(),
            }
          },
          onResponse: (status, _body, context) => {
            const save = (context as Context).sent
            if (status === 200 && save) acknowledged.set(save.key, save.value)
          },
        },
      ],
    })
  await saving(warmSeconds)
  const cpuBefore = cpuMs(server.child.pid)
  let cpuBeforeCrash = 0
  let restarted: Promise<void> | undefined
  const crash = options.crash
    ? setTimeout(
        () => {
          restarted = (async () => {
            cpuBeforeCrash = cpuMs(server.child.pid) - cpuBefore
            await stopServer(server, 'SIGKILL')
            server = await startServer(path, { port: server.port, timing: false })
          })()
        },
        (options.seconds * 1000) / 2,
      )
    : undefined

  const result = await saving(options.seconds)
  clearTimeout(crash)
  const crashed = restarted !== undefined
  await restarted
  const cpu = crashed
    ? cpuBeforeCrash + cpuMs(server.child.pid)
    : cpuMs(server.child.pid) - cpuBefore
  await stopServer(server)

  const lost = await countLost(path, tokens, acknowledged)
  rmSync(dir, { recursive: true, force: true })
  const saves = result['2xx']
  return {
    connections: options.connections,
    seconds: options.seconds,
    saves,
    savesPerSecond: Math.round(saves / options.seconds),
    cpuMsPerSave: Math.round((cpu / saves) * 100) / 100,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    acknowledged: acknowledged.size,
    lost,
    crashed,
  }
}

/** New links to the reference trust's open round, made as its admin. */
async function makeLinks(path: string, count: number) {
  const { db, close } = await openFile(path)
  try {
    const [open] = await db
      .select({
        id: rounds.id,
        organisationId: rounds.organisationId,
        groupId: roundGroups.groupId,
      })
      .from(rounds)
      .innerJoin(roundGroups, eq(roundGroups.roundId, rounds.id))
      .where(eq(rounds.status, 'open'))
      .limit(1)
    if (!open) throw new Error('The reference trust has no open round')
    const [admin] = await db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.organisationId, open.organisationId))
      .limit(1)
    const actor = { organisationId: open.organisationId, actorId: admin?.id ?? '', at: new Date() }
    const tokens: string[] = []
    for (let made = 0; made < count; made += 500) {
      const batch = await createInvitations(db, actor, open.id, [
        { groupId: open.groupId, perspective: 'staff', count: Math.min(500, count - made) },
      ])
      tokens.push(...batch.map((b) => b.token))
    }
    return tokens
  } finally {
    close()
  }
}

/** Acknowledged answers not in the file with the value acknowledged. */
async function countLost(path: string, tokens: string[], acknowledged: Map<string, string>) {
  const { db, close } = await openFile(path)
  try {
    const stored = new Map<string, string>()
    for (const token of tokens) {
      const responseId = await responseIdOf(token)
      const rows = await db.select().from(answers).where(eq(answers.responseId, responseId))
      for (const row of rows) stored.set(`${token}|${row.linkId}`, String(row.special ?? row.value))
    }
    let lost = 0
    for (const [key, value] of acknowledged) if (stored.get(key) !== value) lost++
    return lost
  } finally {
    close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [referencePath = './data/reference-tenth.db', connections = '100', seconds = '10', crash] =
    process.argv.slice(2)
  console.log(
    await loadRun(referencePath, {
      connections: Number(connections),
      seconds: Number(seconds),
      crash: crash === 'crash',
    }),
  )
}
