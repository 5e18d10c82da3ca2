import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import type { Perspective } from '../../src/instruments/definition'
import { type Answers, itemValue, scoreRespondent } from '../../src/instruments/scoring'
import { createTeamRow, teamInstrument } from '../helpers/factories'
import { allAnswered, closedRoundWith } from '../helpers/results'
import { setUpAndSignIn } from '../helpers/signed-in'
import { csvRows, tableRows } from '../helpers/tables'
import { answersFor } from '../instruments/arbitraries'

const instrument = teamInstrument()
const domainKeys = instrument.domains.map((d) => d.key)
const titles = new Map(instrument.domains.map((d) => [d.title, d.key]))
const perspectives: Perspective[] = ['staff', 'person-using-service']
const all = 'all'

type Given = { perspective: Perspective; answers: Answers }

/** Near-empty responses: one or two questions answered, the kind that pads a count. */
const nearEmpty: fc.Arbitrary<Answers> = fc
  .subarray(
    instrument.items.map((i) => i.linkId),
    { minLength: 1, maxLength: 2 },
  )
  .chain((ids) =>
    fc.record(Object.fromEntries(ids.map((id) => [id, fc.constantFrom(2, 4, 'DK')]))),
  ) as fc.Arbitrary<Answers>

const teamResponses = fc.array(
  fc.record({
    perspective: fc.constantFrom(...perspectives),
    answers: fc.oneof(answersFor(instrument), nearEmpty, fc.constant(allAnswered(instrument, 4))),
  }),
  { maxLength: 11 },
)

/** How many people are really behind each figure of a team, from what each one answered. */
function counts(responses: readonly Given[], perspective: string) {
  const mine = responses.filter((r) => perspective === all || r.perspective === perspective)
  const scored = mine.map((r) => scoreRespondent(instrument, r.answers, r.perspective))
  return {
    responses: mine.length,
    measure: (key: string) =>
      key === 'total'
        ? scored.filter((s) => s.total !== null).length
        : scored.filter((s) => s.domains.find((d) => d.domain === key)?.score !== null).length,
    item: (linkId: string) => mine.filter((r) => itemValue(r.answers[linkId]) !== null).length,
    answered: (linkId: string, answer: 'NA' | 'DK') =>
      mine.filter((r) => r.answers[linkId] === answer).length,
  }
}

const isNumber = (cell: string | undefined) => cell !== undefined && /^\d+$/.test(cell)
const leavesEnough = (whole: number, part: number, k: number) =>
  whole - part === 0 || whole - part >= k

describe('anonymity under attack: every figure in every slice', () => {
  it('shows no figure of fewer than k people on any page or export, and no two that subtract to fewer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(teamResponses, teamResponses),
        fc.integer({ min: 3, max: 6 }),
        async (given, k) => {
          const h = await setUpAndSignIn(await freshHarness())
          const teams = await Promise.all(
            ['Ward A', 'Ward B'].map((name) => createTeamRow(h.db, h.organisation.id, name)),
          )
          await closedRoundWith(h.db, h.organisation.id, instrument, {
            name: 'Spring 2026',
            date: '2026-03-31',
            thresholds: { anonymityThreshold: k },
            groupIds: teams.map((t) => t.id),
            responses: teams.flatMap((team, i) =>
              (given[i] ?? []).map((r) => ({ groupId: team.id, ...r })),
            ),
          })
          const [round] = await h.db.query.rounds.findMany()
          const byName = new Map(teams.map((t, i) => [t.name, given[i] ?? []]))
          const fewer = `fewer than ${k}`

          for (const path of ['/results', `/results/report?round=${round?.id}`]) {
            const heatmap = tableRows(await (await h.get(path)).text(), 'Domain scores (0 to 100)')
            for (const [name = '', total, ...cells] of heatmap ?? []) {
              const c = counts(byName.get(name) ?? [], all)
              const pairs: [string, string | undefined][] = [
                ['total', total],
                ...domainKeys.map((d, i): [string, string | undefined] => [d, cells[i]]),
              ]
              for (const [key, cell] of pairs) {
                if (isNumber(cell))
                  expect(c.measure(key), `${path} ${name} ${key}`).toBeGreaterThanOrEqual(k)
                else expect(cell).toBe(fewer)
              }
            }
          }

          for (const [i, team] of teams.entries()) {
            const page = await (await h.get(`/results/teams/${team.id}`)).text()
            const c = counts(given[i] ?? [], all)
            for (const [title = '', cell] of tableRows(page, 'Domain scores by round') ?? []) {
              if (isNumber(cell))
                expect(c.measure(titles.get(title) ?? '')).toBeGreaterThanOrEqual(k)
              else expect(cell).toBe(fewer)
            }
            for (const [wording, ratings, mean] of tableRows(page, 'Questions:') ?? []) {
              const item = instrument.items.find((x) => x.text.staff === wording)
              expect(item, wording).toBeDefined()
              if (isNumber(ratings)) {
                expect(Number(ratings)).toBe(c.item(item?.linkId ?? ''))
                expect(Number(ratings)).toBeGreaterThanOrEqual(k)
                expect(isNumber(mean)).toBe(true)
              } else expect([ratings, mean]).toEqual([fewer, fewer])
            }
            const split = tableRows(page, 'Staff beside people using the service') ?? []
            for (const [title = '', staff, people] of split) {
              const key = titles.get(title) ?? ''
              for (const [perspective, cell] of [
                ['staff', staff],
                ['person-using-service', people],
              ] as const) {
                if (!isNumber(cell)) continue
                const part = counts(given[i] ?? [], perspective).measure(key)
                expect(part).toBeGreaterThanOrEqual(k)
                expect(leavesEnough(c.measure(key), part, k)).toBe(true)
              }
            }
          }

          const summary = csvRows(
            await (await h.get(`/results/export/summary.csv?round=${round?.id}`)).text(),
          )
          const shownParts = new Map<string, number>()
          for (const [, group = '', perspective = '', measure = '', n = ''] of summary) {
            if (!isNumber(n)) {
              expect(n).toBe(fewer)
              continue
            }
            const c = counts(byName.get(group) ?? [], perspective)
            const real = measure === 'responses' ? c.responses : c.measure(measure)
            expect(Number(n), `${group} ${perspective} ${measure}`).toBe(real)
            expect(real).toBeGreaterThanOrEqual(k)
            if (perspective === all) continue
            const whole = counts(byName.get(group) ?? [], all)
            const wholeN = measure === 'responses' ? whole.responses : whole.measure(measure)
            expect(leavesEnough(wholeN, real, k)).toBe(true)
            const id = `${group}|${measure}`
            shownParts.set(id, (shownParts.get(id) ?? 0) + real)
          }
          for (const [id, sum] of shownParts) {
            const [group = '', measure = ''] = id.split('|')
            const whole = counts(byName.get(group) ?? [], all)
            const wholeN = measure === 'responses' ? whole.responses : whole.measure(measure)
            expect(leavesEnough(wholeN, sum, k), `${id}: all parts`).toBe(true)
          }

          // The FHIR MeasureReports: every count shown is the real one and at least k, and a
          // perspective's count leaves at least k others or none.
          type Scored = { population?: { count: number }[]; measureScore: { value?: number } }
          type Reported = Scored & {
            code: { coding: { code: string }[] }
            stratifier?: { stratum: (Scored & { value: { coding: { code: string }[] } })[] }[]
          }
          const reports = (await (
            await h.get(`/results/export/measure-reports.json?round=${round?.id}`)
          ).json()) as {
            entry: { resource: { subject: { display: string }; group: Reported[] } }[]
          }
          expect(reports.entry.map((e) => e.resource.subject.display).sort()).toEqual(
            teams.map((t) => t.name),
          )
          for (const { resource } of reports.entry) {
            const given = byName.get(resource.subject.display) ?? []
            const people = (code: string, slice: string) => {
              const c = counts(given, slice)
              return code.startsWith('question:')
                ? c.item(code.slice('question:'.length))
                : c.measure(code.replace(/^domain:/, ''))
            }
            const shown = (figure: Scored, code: string, slice: string) => {
              const n = figure.population?.[0]?.count
              expect(n === undefined, `${code} ${slice}`).toBe(
                figure.measureScore.value === undefined,
              )
              if (n === undefined) return 0
              expect(n, `${resource.subject.display} ${slice} ${code}`).toBe(people(code, slice))
              expect(n).toBeGreaterThanOrEqual(k)
              return n
            }
            for (const group of resource.group) {
              const code = group.code.coding[0]?.code ?? ''
              const whole = people(code, all)
              shown(group, code, all)
              for (const stratum of group.stratifier?.[0]?.stratum ?? []) {
                const part = shown(stratum, code, stratum.value.coding[0]?.code ?? '')
                if (part > 0) expect(leavesEnough(whole, part, k)).toBe(true)
              }
            }
          }

          const answers = csvRows(
            await (await h.get(`/results/export/answers.csv?round=${round?.id}`)).text(),
          )
          // Each row is one answer: per slice and kind of answer, as many people as the rows.
          const rows = new Map<string, number>()
          for (const [, , group, perspective, , , linkId, , value, code] of answers) {
            const id = `${group}|${perspective}|${linkId}|${value === '' ? code : 'rating'}`
            rows.set(id, (rows.get(id) ?? 0) + 1)
          }
          for (const [id, n] of rows) {
            const [group = '', perspective = '', linkId = '', kind = ''] = id.split('|')
            const people = (slice: string) => {
              const c = counts(byName.get(group) ?? [], slice)
              return kind === 'rating' ? c.item(linkId) : c.answered(linkId, kind as 'NA' | 'DK')
            }
            expect(n, id).toBe(people(perspective))
            expect(n, id).toBeGreaterThanOrEqual(k)
            expect(leavesEnough(people(all), n, k), `${id} beside everyone together`).toBe(true)
          }
        },
      ),
      { numRuns: 6 },
    )
  })

  it('keeps a team lead from unmasking one person with four near-empty links', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const ward = await createTeamRow(h.db, h.organisation.id, 'Ward C')
    await closedRoundWith(h.db, h.organisation.id, instrument, {
      name: 'Spring 2026',
      date: '2026-03-31',
      responses: [
        { groupId: ward.id, answers: allAnswered(instrument, 5) },
        ...[1, 2, 3, 4].map(() => ({ groupId: ward.id, answers: { T24: 'DK' as const } })),
      ],
    })
    const page = await (await h.get(`/results/teams/${ward.id}`)).text()
    expect(page).toContain('5 responses')
    expect(page).not.toContain('>100<')
    expect(tableRows(page, 'Domain scores by round')?.every((r) => r[1] === 'fewer than 5')).toBe(
      true,
    )
    const overview = await (await h.get('/results')).text()
    expect(overview).not.toContain('>100<')
    const [round] = await h.db.query.rounds.findMany()
    const summary = await (await h.get(`/results/export/summary.csv?round=${round?.id}`)).text()
    expect(summary).not.toMatch(/,1,100\.0/)
    const answers = csvRows(
      await (await h.get(`/results/export/answers.csv?round=${round?.id}`)).text(),
    )
    expect(answers).toEqual([])
  })

  it('exports no answers of a perspective of one, nor of staff when one other person would be left', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const ward = await createTeamRow(h.db, h.organisation.id, 'Ward D')
    const staff = (n: number) =>
      Array.from({ length: n }, () => ({ groupId: ward.id, answers: allAnswered(instrument, 4) }))
    const person = {
      groupId: ward.id,
      perspective: 'person-using-service' as const,
      answers: allAnswered(instrument, 1),
    }
    await closedRoundWith(h.db, h.organisation.id, instrument, {
      name: 'Spring 2026',
      date: '2026-03-31',
      responses: [...staff(5), person],
    })
    const [round] = await h.db.query.rounds.findMany()
    const answers = csvRows(
      await (await h.get(`/results/export/answers.csv?round=${round?.id}`)).text(),
    )
    expect(answers.filter((r) => r[3] === 'person-using-service')).toEqual([])
    // Six together show; five staff would leave the one person's answers by subtraction.
    expect(answers.filter((r) => r[3] === 'staff')).toEqual([])
    const summary = await (await h.get(`/results/export/summary.csv?round=${round?.id}`)).text()
    expect(summary).toContain('Spring 2026,Ward D,all,total,6,')
    expect(summary).toContain('Spring 2026,Ward D,staff,total,fewer than 5,,')
    expect(summary).toContain('Spring 2026,Ward D,person-using-service,total,fewer than 5,,')
  })
})
