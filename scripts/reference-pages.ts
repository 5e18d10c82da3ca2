import { existsSync, readFileSync } from 'node:fs'
import { referencePaths, seedReference } from './seed-reference'

/** What the benchmarks need to know of a reference file: its admin, and ids to make paths of. */
export type ReferenceMeta = {
  admin: { email: string; password: string }
  workstreamId: string
  teamId: string
  rounds: string[]
  token: string
  answers: number
}

/** A reference file's note, seeding the file first if it is not there. */
export async function referenceMeta(database: string): Promise<ReferenceMeta> {
  if (!existsSync(database) || !existsSync(`${database}.json`))
    await (database === referencePaths.full
      ? seedReference(database, 20, 120)
      : seedReference(database, 2, 12))
  return JSON.parse(readFileSync(`${database}.json`, 'utf8')) as ReferenceMeta
}

/** The pages both benchmarks time, by name. */
export const benchedPages = (meta: ReferenceMeta) => ({
  'organisation overview': '/results',
  'team page': `/results/teams/${meta.teamId}`,
  'round comparison': `/results/compare?from=${meta.rounds[0]}&to=${meta.rounds.at(-1)}`,
  'respondent page': `/r/${meta.token}/domains/1`,
  'strategy overview': '/strategy',
  'workstream page': `/strategy/workstreams/${meta.workstreamId}`,
  // What a request costs that reads nothing: the machine's state, to read the others by.
  'health check (for scale)': '/healthz',
})

/** The reference admin's session cookie on a running server. */
export async function signIn(base: string, meta: ReferenceMeta) {
  const res = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: meta.admin.email, password: meta.admin.password }),
  })
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  if (!cookie) throw new Error(`Signing in answered ${res.status}`)
  return cookie
}

export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0
