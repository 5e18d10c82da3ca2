import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { getPerson } from '../../src/db/queries/people'
import { toQuestionnaire } from '../../src/instruments/fhir/questionnaire'
import { formLimitBytes, uploadLimitBytes } from '../../src/lib/security'
import {
  createOwnInstrument,
  createPerson,
  createRoundRow,
  createTeamRow,
  knownPassword,
  teamInstrument,
} from '../helpers/factories'
import { testOrigin } from '../helpers/requests'
import { allAnswered, closedRoundWith } from '../helpers/results'
import { setUpAndSignIn, signInAs } from '../helpers/signed-in'
import { storedTables } from '../helpers/stored'

/** Form fields the pages use, and a few they do not. */
const fieldNames = [
  ...['action', 'actions', 'adminName', 'anonymityThreshold', 'baseline', 'cadence', 'clientId'],
  ...['clientSecret', 'closesOn', 'commentThreshold', 'comparator', 'confirm', 'count'],
  ...['coverageTarget', 'description', 'direction', 'domains', 'dueOn', 'email', 'focus', 'go'],
  ...['groupId', 'groupingId', 'groups', 'instrument', 'issuer', 'itemMid', 'key', 'kind', 'lead'],
  ...['mode', 'name', 'note', 'opensOn', 'owner', 'password', 'period', 'perspective'],
  ...['perspectives', 'predecessorId', 'purpose', 'rank', 'review', 'role', 'scope', 'ssoEmail'],
  ...['status', 'targetValue', 'teamMid', 'teamType', 'title', 'token', 'unit', 'value'],
  ...['__proto__', 'constructor', 'T01', 'comment-T01', 'dissent-T01'],
]

/** Values that break careless code: empty, huge, negative, not numbers, control and bidi marks. */
const nasty = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  '2026-02-30',
  '2026-Q5',
  '9'.repeat(40),
  'x'.repeat(5000),
  '\u0000',
  '\u202eevil',
  '<script>alert(1)</script>',
  '=HYPERLINK("x")',
  '../../etc/passwd',
  '{"a":',
  'DK',
  'NA',
)
const text = fc.oneof(
  nasty,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
)

type Role = 'admin' | 'team lead' | 'viewer' | 'signed out'

/** Every path to a value in a JSON document, as keys from the top. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at]
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value)
  return [at, ...entries.flatMap(([key, v]) => pathsOf(v, [...at, key]))]
}

/** A document with the values at some of its paths replaced: the wrong types in the right places. */
function mutated(document: unknown, changes: readonly { at: number; to: unknown }[]) {
  const copy = structuredClone(document) as Record<string | number, unknown>
  for (const { at, to } of changes) {
    const paths = pathsOf(copy).filter((p) => p.length > 0)
    const path = paths[at % paths.length] ?? []
    let parent: Record<string | number, unknown> = copy
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
    const last = path.at(-1)
    if (last !== undefined) parent[last] = to
  }
  return JSON.stringify(copy)
}

/** A Questionnaire the import should read, and CSV files of the two uploads, each a little broken. */
const questionnaire = toQuestionnaire(teamInstrument())
const uploadFile = fc.oneof(
  fc
    .array(fc.record({ at: fc.nat(), to: fc.jsonValue({ maxDepth: 2 }) }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((changes) => mutated(questionnaire, changes)),
  fc
    .array(fc.array(text, { minLength: 5, maxLength: 12 }), { maxLength: 5 })
    .map((rows) =>
      [
        'round,closes_on,group,perspective,respondent,linkId,value,metric,period,team,note',
        ...rows.map((r) => r.join(',')),
      ].join('\n'),
    ),
)

describe('route fuzzer', () => {
  it('answers every route, as every role and signed out, with no 5xx, and changes nothing when it refuses', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const org = h.organisation.id
    const team = await createTeamRow(h.db, org, 'Willow Ward')
    const instrument = teamInstrument()
    await closedRoundWith(h.db, org, instrument, {
      name: 'Spring 2026',
      date: '2026-03-01',
      responses: [3, 4, 4, 5, 3].map((v) => ({
        groupId: team.id,
        answers: allAnswered(instrument, v),
      })),
    })
    const open = await createRoundRow(h.db, org, [team.id], { name: 'Autumn 2026' })
    const own = await createOwnInstrument(h.db, org, { slug: 'ward-voices' })
    const lead = await createPerson(h.db, org, {
      email: 'lead@northmoor.example',
      grants: [{ role: 'team-lead', groupId: team.id }],
    })
    await createPerson(h.db, org, {
      email: 'viewer@northmoor.example',
      name: 'Val Viewer',
      grants: [{ role: 'viewer' }],
    })
    const grant = (await getPerson(h.db, org, lead.id))?.grants[0]
    const rounds = await h.db.query.rounds.findMany()
    const cookies: Record<Role, string> = {
      admin: h.cookie,
      'team lead': (await signInAs(h, 'lead@northmoor.example', knownPassword)).cookie,
      viewer: (await signInAs(h, 'viewer@northmoor.example', knownPassword)).cookie,
      'signed out': '',
    }
    const realIds = [team.id, open.id, lead.id, grant?.id ?? '', ...rounds.map((r) => r.id)]
    const param = fc.oneof(
      fc.constantFrom(...realIds, own.slug, '1', 'T01', 'D01'),
      text.map((t) => encodeURIComponent(t)),
    )
    // Signing out would end the role's session for the rest of the run; it has its own tests.
    const routes = h.app.routes
      .filter((r) => ['GET', 'POST'].includes(r.method) && !r.path.includes('*'))
      .filter((r) => r.path !== '/sign-out')
      .map((r) => ({ method: r.method as 'GET' | 'POST', path: r.path }))
    const unique = [...new Map(routes.map((r) => [`${r.method} ${r.path}`, r])).values()]

    /** What is stored, table by table, leaving out what a refused sign-in keeps by design. */
    const tables = await storedTables(h.db, ['sessions', 'sign_in_attempts'])
    // One row of scalar counts: D1 allows at most five terms in a compound select.
    const fingerprint = async () =>
      JSON.stringify(
        await h.db.all(
          sql.raw(
            `select ${tables
              .map((name) =>
                name === 'audit_log'
                  ? `(select count(*) from "${name}" where action <> 'sign-in.failed') as "${name}"`
                  : `(select count(*) from "${name}") as "${name}"`,
              )
              .join(', ')}`,
          ),
        ),
      )

    const request = fc.record({
      route: fc.constantFrom(...unique),
      role: fc.constantFrom<Role>('admin', 'team lead', 'viewer', 'signed out'),
      params: fc.dictionary(
        fc.constantFrom('id', 'grantId', 'slug', 'version', 'linkId', 'token', 'n', 'groupId'),
        param,
      ),
      query: fc.dictionary(
        fc.constantFrom('round', 'from', 'to', 'next', 'line', 'type', 'period', 'page'),
        text,
        { maxKeys: 2 },
      ),
      fields: fc.dictionary(
        fc.constantFrom(...fieldNames),
        fc.oneof(text, fc.array(text, { maxLength: 3 })),
        { maxKeys: 8 },
      ),
      huge: fc.integer({ min: 0, max: 40 }).map((n) => n === 0),
      file: fc.option(
        fc.oneof(
          fc.json(),
          fc.constantFrom(
            '{"resourceType":"Questionnaire","item":"not a list","status":7}',
            '{"resourceType":"Questionnaire","item":[{"linkId":1,"type":["choice"]}]}',
            'round,closes_on,group\n=1+1,2026-13-01,',
            '\ufeffmetric,period,team,value,note\nx,2026-05,Ward,1e999,',
          ),
          text,
        ),
        { freq: 3 },
      ),
    })
    const uploads = fc.record({
      route: fc.constantFrom(
        ...Object.keys(uploadLimitBytes).map((path) => ({ method: 'POST' as const, path })),
      ),
      role: fc.constant<Role>('admin'),
      params: fc.constant<Record<string, string>>({}),
      query: fc.constant<Record<string, string>>({}),
      fields: fc.dictionary(fc.constantFrom('perspective', 'instrument', 'mode'), text, {
        maxKeys: 2,
      }),
      huge: fc.constant(false),
      file: uploadFile,
    })
    const runs = 1000
    let cases = 0
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: request, weight: 4 }, { arbitrary: uploads, weight: 1 }),
        async ({ route, role, params, query, fields, huge, file }) => {
          cases++
          const path = route.path.replace(
            /:(\w+)/g,
            (_, name: string) => params[name] ?? realIds[0] ?? '',
          )
          const search = new URLSearchParams(query).toString()
          const url = `${path}${search ? `?${search}` : ''}`
          const headers: Record<string, string> = {
            Origin: testOrigin,
            'Sec-Fetch-Site': 'same-origin',
          }
          if (cookies[role]) headers.Cookie = cookies[role]
          const before = await fingerprint()
          let res: Response
          if (route.method === 'GET') res = await h.app.request(url, { headers })
          else {
            const body = file === null ? new URLSearchParams() : new FormData()
            for (const [name, value] of Object.entries(fields))
              for (const one of ([] as string[]).concat(value)) body.append(name, one)
            if (huge) body.append('note', 'x'.repeat(uploadLimitBytes[path] ?? formLimitBytes))
            if (body instanceof FormData && file !== null)
              body.append('file', new File([file], 'upload.json', { type: 'application/json' }))
            res = await h.app.request(url, {
              method: 'POST',
              body,
              headers:
                body instanceof FormData
                  ? headers
                  : { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
            })
          }
          await res.arrayBuffer()
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
          expect(res.status, `${route.method} ${url} as ${role}`).toBeLessThan(500)
          if (huge && route.method === 'POST') expect(res.status, `${url} with 1 MB more`).toBe(413)
          if (res.status >= 400)
            expect(
              await fingerprint(),
              `${route.method} ${url} as ${role} answered ${res.status}`,
            ).toBe(before)
        },
      ),
      { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 14_2026), endOnFailure: true },
    )
    expect(cases).toBe(runs)
    // Most cases are refused (wrong ids, bad input, no right); some must get through.
    expect([...statuses.keys()].some((s) => s < 400)).toBe(true)
  }, 600_000)

  it('lists the wrong types in a Questionnaire, and refuses a questionnaire version that is not a number, as the fuzzer found', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    for (const content of [
      '{"resourceType":"Questionnaire","item":"not a list"}',
      '{"resourceType":"Questionnaire","item":[null]}',
      '{"resourceType":"Questionnaire","url":5,"item":[{"linkId":"a","text":5,"type":"choice"}]}',
    ]) {
      const res = await h.upload('/instruments/import', { name: 'q.json', content })
      expect(res.status, content).toBe(422)
      expect(await res.text(), content).toContain('has the wrong type of value')
    }
    const page = await h.upload('/instruments/import', {
      name: 'q.json',
      content: '{"resourceType":"Questionnaire","url":5}',
    })
    expect(await page.text()).toContain('Questionnaire.url has the wrong type of value')
    for (const instrument of [
      'team-recovery-focus@NaN',
      'team-recovery-focus@1e999',
      '@',
      'x@-1',
    ]) {
      const res = await h.upload(
        '/rounds/import',
        { name: 'rounds.csv', content: 'round\n' },
        { instrument },
      )
      expect(res.status, instrument).toBe(422)
      expect(await res.text(), instrument).toContain('Choose a questionnaire from the list')
    }
  })
})
