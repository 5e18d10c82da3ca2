import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'libsql'
import { freePort } from './free-port'
import { benchedPages, quantile, referenceMeta, signIn } from './reference-pages'
import { referencePaths } from './seed-reference'

/**
 * The benchmark's pages on Workers: the worker in workerd under `wrangler dev`, with the reference
 * trust (and its tenth) copied into local D1. What is timed is the wall time a request takes from
 * the client, the first request after the worker starts, then the median and p95 over sequential
 * requests. Local D1 is SQLite in the same process: a D1-only slowness (statement counts, the
 * parameter limit's extra statements, JSON) shows here, network time to a real D1 does not.
 */
const requests = Number(process.env.BENCH_REQUESTS ?? 100)
const warmup = Number(process.env.BENCH_WARMUP ?? 100)
const quiet = { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' }

/**
 * Local D1 holding a copy of a libSQL reference file, made once for a set of migrations and kept
 * under data/ (made again when a migration is added).
 */
function localD1(reference: string) {
  const state = `${reference}.d1`
  const done = join(state, 'copied')
  const migrations = readdirSync('src/db/migrations')
    .filter((f) => f.endsWith('.sql'))
    .join('\n')
  if (existsSync(done) && readFileSync(done, 'utf8') === migrations) return state
  rmSync(state, { recursive: true, force: true })
  execFileSync(
    'npx',
    ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state],
    {
      env: { ...process.env, ...quiet },
      stdio: 'ignore',
    },
  )
  const folder = join(state, 'v3', 'd1', 'miniflare-D1DatabaseObject')
  const file = readdirSync(folder).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')
  if (!file) throw new Error(`No local D1 file in ${folder}`)
  const d1 = new Database(join(folder, file))
  try {
    d1.exec('PRAGMA foreign_keys = OFF')
    d1.exec(`ATTACH DATABASE '${reference.replaceAll("'", "''")}' AS reference`)
    // The triggers that guard submitted answers would refuse the copy: set aside, then put back.
    const triggers = d1
      .prepare("select name, sql from main.sqlite_schema where type = 'trigger'")
      .all() as { name: string; sql: string }[]
    const tables = d1
      .prepare(
        `select name from main.sqlite_schema where type = 'table' and name not like 'sqlite_%'
         and name not like '_cf_%' and name <> 'd1_migrations'
         and name in (select name from reference.sqlite_schema where type = 'table')`,
      )
      .all() as { name: string }[]
    for (const { name } of triggers) d1.exec(`drop trigger "${name}"`)
    d1.exec('BEGIN')
    for (const { name } of tables)
      d1.exec(`insert into main."${name}" select * from reference."${name}"`)
    d1.exec('COMMIT')
    for (const { sql } of triggers) d1.exec(sql)
  } finally {
    d1.close()
  }
  writeFileSync(done, migrations)
  return state
}

async function startWorker(state: string) {
  const port = await freePort()
  const child: ChildProcess = spawn(
    'npx',
    ['wrangler', 'dev', '--persist-to', state, '--port', String(port), '--ip', '127.0.0.1'],
    { env: { ...process.env, ...quiet }, stdio: 'ignore', detached: true },
  )
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 600; i++) {
    try {
      // The first request that answers is the one timed as the first: a page, not a health check.
      const res = await fetch(`${base}/sign-in`)
      await res.text()
      if (res.ok) return { base, child }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('wrangler dev did not start')
}

const stopWorker = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || !child.pid) return resolve()
    child.once('exit', () => resolve())
    process.kill(-child.pid, 'SIGTERM')
  })

async function wallTime(base: string, path: string, cookie: string) {
  const started = performance.now()
  const res = await fetch(`${base}${path}`, { headers: { Cookie: cookie } })
  await res.text()
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
  return performance.now() - started
}

async function benchOne(reference: string) {
  const meta = await referenceMeta(reference)
  const state = localD1(reference)
  const { base, child } = await startWorker(state)
  try {
    const cookie = await signIn(base, meta)
    const pages = benchedPages(meta)
    const results: Record<string, { first: number; median: number; p95: number }> = {}
    for (const [name, path] of Object.entries(pages)) {
      const first = await wallTime(base, path, cookie)
      for (let i = 1; i < warmup; i++) await wallTime(base, path, cookie)
      const times: number[] = []
      for (let i = 0; i < requests; i++) times.push(await wallTime(base, path, cookie))
      times.sort((a, b) => a - b)
      results[name] = { first, median: quantile(times, 0.5), p95: quantile(times, 0.95) }
    }
    return { answers: meta.answers, results }
  } finally {
    await stopWorker(child)
  }
}

const runs = {
  full: await benchOne(referencePaths.full),
  tenth: await benchOne(referencePaths.tenth),
}
const round = (x: number) => Math.round(x * 10) / 10
console.log(
  `\nWorkers (workerd under wrangler dev, local D1): wall time from the client; ${requests} sequential requests a page after ${warmup} to warm up`,
)
console.log('| data | answers | page | first request ms | median ms | p95 ms |')
console.log('| --- | ---: | --- | ---: | ---: | ---: |')
for (const [size, run] of Object.entries(runs))
  for (const [page, r] of Object.entries(run.results))
    console.log(
      `| ${size} | ${run.answers.toLocaleString('en-GB')} | ${page} | ${round(r.first)} | ${round(r.median)} | ${round(r.p95)} |`,
    )
console.log(JSON.stringify({ requests, ...runs }))
