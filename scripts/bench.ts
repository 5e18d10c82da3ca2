import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { freePort } from './free-port'
import { referencePaths, seedReference } from './seed-reference'

/**
 * The benchmark: on the reference trust and on one tenth of it, the Node server's time for the
 * organisation overview, a team page, a round comparison, a respondent page, the strategy overview
 * and a workstream page, with a health check for scale (median and p95 over sequential requests, from the Server-Timing header) and the process CPU
 * used per request; a table, then the same figures as one line of JSON.
 */
const requests = Number(process.env.BENCH_REQUESTS ?? 200)
/**
 * Requests to each page before it is measured: V8 goes on optimising a page's code over its first
 * few hundred requests (a page's CPU a request fell by a third between the 50th and the 1,000th),
 * and a server answers far more than that, so the figures are its steady state. The first request
 * is reported on its own.
 */
const warmup = Number(process.env.BENCH_WARMUP ?? 500)
const ticksPerSecond = 100

type Meta = {
  admin: { email: string; password: string }
  workstreamId: string
  teamId: string
  rounds: string[]
  token: string
  answers: number
}

/** User and system CPU of a process so far, in milliseconds, from /proc. */
function cpuMs(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond
}

async function startServer(path: string) {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${path}`, SERVER_TIMING: '1' },
    stdio: 'ignore',
  })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, child }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill()
  throw new Error(`The server on ${path} did not start`)
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0

async function measure(base: string, pid: number, path: string, cookie: string) {
  const get = async () => {
    const res = await fetch(`${base}${path}`, { headers: { Cookie: cookie } })
    await res.text()
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
    return Number(
      /total;dur=([\d.]+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1] ?? Number.NaN,
    )
  }
  // The first request reads and unpacks the closed rounds' results; later ones find them kept.
  const first = await get()
  for (let i = 1; i < warmup; i++) await get()
  const cpuBefore = cpuMs(pid)
  const times: number[] = []
  for (let i = 0; i < requests; i++) times.push(await get())
  const cpu = (cpuMs(pid) - cpuBefore) / requests
  times.sort((a, b) => a - b)
  return { first, median: quantile(times, 0.5), p95: quantile(times, 0.95), cpu }
}

async function benchOne(path: string) {
  if (!existsSync(path) || !existsSync(`${path}.json`))
    await (path === referencePaths.full ? seedReference(path, 20, 120) : seedReference(path, 2, 12))
  const meta = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as Meta
  const { base, child } = await startServer(path)
  try {
    const signIn = await fetch(`${base}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: meta.admin.email, password: meta.admin.password }),
    })
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const pages = {
      'organisation overview': '/results',
      'team page': `/results/teams/${meta.teamId}`,
      'round comparison': `/results/compare?from=${meta.rounds[0]}&to=${meta.rounds.at(-1)}`,
      'respondent page': `/r/${meta.token}/domains/1`,
      'strategy overview': '/strategy',
      'workstream page': `/strategy/workstreams/${meta.workstreamId}`,
      // What a request costs that reads nothing: the machine's state, to read the others by.
      'health check (for scale)': '/healthz',
    }
    const results: Record<string, Awaited<ReturnType<typeof measure>>> = {}
    for (const [name, page] of Object.entries(pages))
      results[name] = await measure(base, child.pid ?? 0, page, cookie)
    return { answers: meta.answers, results }
  } finally {
    child.kill('SIGTERM')
  }
}

const runs = {
  full: await benchOne(referencePaths.full),
  tenth: await benchOne(referencePaths.tenth),
}
const round = (x: number) => Math.round(x * 10) / 10
console.log(
  `\n${requests} sequential requests a page after ${warmup} to warm up; server time from Server-Timing, CPU from /proc`,
)
console.log('| data | answers | page | first request ms | median ms | p95 ms | CPU ms/request |')
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: |')
for (const [size, run] of Object.entries(runs)) {
  for (const [page, r] of Object.entries(run.results)) {
    console.log(
      `| ${size} | ${run.answers.toLocaleString('en-GB')} | ${page} | ${round(r.first)} | ${round(r.median)} | ${round(r.p95)} | ${round(r.cpu)} |`,
    )
  }
}
const summary = Object.fromEntries(
  Object.entries(runs).map(([size, run]) => [
    size,
    {
      answers: run.answers,
      ...Object.fromEntries(
        Object.entries(run.results).map(([p, r]) => [
          p,
          { first: round(r.first), median: round(r.median), p95: round(r.p95), cpu: round(r.cpu) },
        ]),
      ),
    },
  ]),
)
console.log(JSON.stringify({ requests, ...summary }))
