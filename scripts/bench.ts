import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { openFile } from './database'
import { type LoadResult, loadRun } from './load'
import { generateNetwork } from './network'
import { type PageWeight, pageWeight } from './page-weight'
import {
  benchedPages,
  quantile,
  type ReferenceMeta,
  referenceMeta,
  signIn,
} from './reference-pages'
import { referencePaths } from './seed-reference'
import { cpuMs, type Server, startServer, stopServer } from './server'

/**
 * The benchmark: on the reference trust and on one tenth of it, the Node server's time for the
 * organisation overview, a team page, a round comparison, a respondent page, the strategy overview
 * and a workstream page, with a health check for scale: the first request in a fresh server
 * process (median of several), then the median and p95 over sequential requests (from the
 * Server-Timing header) and the process CPU used per request; what a respondent's first page and
 * a results page weigh as transferred; and respondents autosaving at once, with the server killed
 * halfway through one run. Tables, then the same figures as one line of JSON.
 */
const requests = Number(process.env.BENCH_REQUESTS ?? 200)
/**
 * Requests to each page before it is measured: V8 goes on optimising a page's code over its first
 * few hundred requests (a page's CPU a request fell by a third between the 50th and the 1,000th),
 * and a server answers far more than that, so the figures are its steady state.
 */
const warmup = Number(process.env.BENCH_WARMUP ?? 500)
/** Fresh server processes a page's first request is timed in. */
const coldSamples = Number(process.env.BENCH_COLD ?? 10)
/** Respondents saving at once, and for how many seconds, in each load run. */
const loadConnections = Number(process.env.BENCH_CONNECTIONS ?? 100)
const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10)

/** The app's own time for one request, from its Server-Timing header. */
async function timedGet(base: string, path: string, cookie: string) {
  const res = await fetch(`${base}${path}`, { headers: { Cookie: cookie } })
  await res.text()
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
  return Number(
    /total;dur=([\d.]+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1] ?? Number.NaN,
  )
}

async function steady(server: Server, path: string, cookie: string) {
  for (let i = 0; i < warmup; i++) await timedGet(server.base, path, cookie)
  const cpuBefore = cpuMs(server.child.pid)
  const times: number[] = []
  for (let i = 0; i < requests; i++) times.push(await timedGet(server.base, path, cookie))
  const cpu = (cpuMs(server.child.pid) - cpuBefore) / requests
  times.sort((a, b) => a - b)
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), cpu }
}

/** The first request of a page, each time in a server process just started on the file. */
async function cold(database: string, path: string, cookie: string) {
  const times: number[] = []
  for (let i = 0; i < coldSamples; i++) {
    const server = await startServer(database)
    try {
      times.push(await timedGet(server.base, path, cookie))
    } finally {
      await stopServer(server)
    }
  }
  times.sort((a, b) => a - b)
  return quantile(times, 0.5)
}

type PageResult = { cold: number; median: number; p95: number; cpu: number }

async function benchOne(database: string) {
  const meta = await referenceMeta(database)
  const server = await startServer(database)
  const cookie = await signIn(server.base, meta)
  const pages = benchedPages(meta)
  const results: Record<string, PageResult> = {}
  let weights: Record<string, PageWeight>
  try {
    for (const [name, page] of Object.entries(pages))
      results[name] = { cold: 0, ...(await steady(server, page, cookie)) }
    weights = {
      "respondent's first page": await pageWeight(server.base, `/r/${meta.token}`),
      'organisation overview': await pageWeight(server.base, '/results', cookie),
    }
  } finally {
    await stopServer(server)
  }
  for (const [name, page] of Object.entries(pages)) {
    const result = results[name]
    if (result) result.cold = await cold(database, page, cookie)
  }
  return { answers: meta.answers, results, weights }
}

/** A network of 200 trusts on one service, each with its teams' rounds, two periods published. */
const networkPath = './data/network-200.db'
async function networkMeta() {
  if (!existsSync(networkPath) || !existsSync(`${networkPath}.json`)) {
    const { db, close } = await openFile(networkPath, { fresh: true })
    try {
      const shape = {
        trusts: 200,
        lines: ['Community'],
        teamsPerLine: 3,
        respondents: [5, 8] as const,
        periods: ['2025-H2', '2026-H1'],
        password: 'benchmark password',
      }
      const made = await generateNetwork(db, shape, (line) =>
        process.stdout.write(`\r${networkPath}: ${line}   `),
      )
      writeFileSync(`${networkPath}.json`, JSON.stringify(made, null, 2))
    } finally {
      close()
    }
  }
  return JSON.parse(readFileSync(`${networkPath}.json`, 'utf8')) as Awaited<
    ReturnType<typeof generateNetwork>
  >
}

/** The coordinator's page and a member's network page, at 200 organisations. */
async function benchNetwork() {
  const meta = await networkMeta()
  const server = await startServer(networkPath)
  const results: Record<string, PageResult> = {}
  const pages = {
    "a member's network page": { path: '/networks', who: meta.member },
    "the coordinator's page": { path: `/networks/run/${meta.networkId}`, who: meta.coordinator },
  }
  const cookies: Record<string, string> = {}
  try {
    for (const [name, page] of Object.entries(pages)) {
      cookies[name] = await signIn(server.base, { admin: page.who } as ReferenceMeta)
      results[name] = { cold: 0, ...(await steady(server, page.path, cookies[name] ?? '')) }
    }
  } finally {
    await stopServer(server)
  }
  for (const [name, page] of Object.entries(pages)) {
    const result = results[name]
    if (result) result.cold = await cold(networkPath, page.path, cookies[name] ?? '')
  }
  return { answers: meta.answers, results, weights: {} }
}

const runs = {
  full: await benchOne(referencePaths.full),
  tenth: await benchOne(referencePaths.tenth),
  'network of 200': await benchNetwork(),
}
const load: Record<string, LoadResult> = {
  steady: await loadRun(referencePaths.full, {
    connections: loadConnections,
    seconds: loadSeconds,
  }),
  'killed halfway': await loadRun(referencePaths.full, {
    connections: loadConnections,
    seconds: loadSeconds,
    crash: true,
  }),
}

const round = (x: number) => Math.round(x * 10) / 10
const kb = (bytes: number) => round(bytes / 1024)
console.log(
  `\nServer time from Server-Timing, CPU from /proc. First request: in a fresh server process, median of ${coldSamples}. Steady: ${requests} sequential requests after ${warmup} to warm up.`,
)
console.log(
  '| data | answers | page | first request ms | median ms | p95 ms | CPU ms/request | full ÷ tenth (median, CPU) |',
)
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |')
for (const [size, run] of Object.entries(runs)) {
  for (const [page, r] of Object.entries(run.results)) {
    const tenth = runs.tenth.results[page]
    const ratio =
      size === 'full' && tenth
        ? `${round(r.median / tenth.median)}×, ${round(r.cpu / tenth.cpu)}×`
        : ''
    console.log(
      `| ${size} | ${run.answers.toLocaleString('en-GB')} | ${page} | ${round(r.cold)} | ${round(r.median)} | ${round(r.p95)} | ${round(r.cpu)} | ${ratio} |`,
    )
  }
}
console.log(
  '\nAs transferred to a browser taking brotli and gzip, nothing cached (reference trust)',
)
console.log('| page | files | in all KB | of which JavaScript KB |')
console.log('| --- | ---: | ---: | ---: |')
for (const [page, w] of Object.entries(runs.full.weights))
  console.log(`| ${page} | ${w.files} | ${kb(w.total)} | ${kb(w.script)} |`)
console.log(
  `\n${loadConnections} respondents autosaving at once for ${loadSeconds} s (after 3 s to warm up), on a copy of the reference trust`,
)
console.log(
  '| run | saves | saves/s | server CPU ms/save | p50 ms | p99 ms | errors | acknowledged | lost |',
)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const [name, r] of Object.entries(load))
  console.log(
    `| ${name} | ${r.saves} | ${r.savesPerSecond} | ${r.cpuMsPerSave} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.acknowledged} | ${r.lost} |`,
  )
const summary = Object.fromEntries(
  Object.entries(runs).map(([size, run]) => [
    size,
    {
      answers: run.answers,
      ...Object.fromEntries(
        Object.entries(run.results).map(([p, r]) => [
          p,
          { cold: round(r.cold), median: round(r.median), p95: round(r.p95), cpu: round(r.cpu) },
        ]),
      ),
    },
  ]),
)
console.log(JSON.stringify({ requests, coldSamples, ...summary, weights: runs.full.weights, load }))
