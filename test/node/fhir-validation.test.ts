import type { MeasureReport, Questionnaire } from 'fhir/r4'
import { describe, expect, it } from 'vitest'
import { parseInstrument } from '../../src/instruments/definition'
import { fromQuestionnaire } from '../../src/instruments/fhir/import'
import { toQuestionnaire } from '../../src/instruments/fhir/questionnaire'
import { toMeasureReportBundle, toResponseBundle } from '../../src/instruments/fhir/records'
import { groupResults } from '../../src/instruments/group-results'
import { builtInInstruments, findBuiltIn } from '../../src/instruments/registry'
import gad7 from '../fixtures/loinc-gad-7.json'
import phq9 from '../fixtures/loinc-phq-9.json'
import { fhirProblems, invariantCount } from '../helpers/fhir-validation'

const team = findBuiltIn('team-recovery-focus', 1) ?? expect.fail('team-recovery-focus v1 missing')
const round = {
  id: '7f7c1a52-1d3f-4a51-9a52-0c4d7e2d9b10',
  opensOn: '2027-03-01',
  closesOn: '2027-03-31',
  closedAt: '2027-04-01T09:30:00.000Z',
  anonymityThreshold: 5,
}

const imported = (form: unknown) => {
  const result = fromQuestionnaire(JSON.parse(JSON.stringify(form)))
  if (!result.ok) throw new Error(result.problems.join('\n'))
  return parseInstrument(result.definition)
}

describe('exports other FHIR tools accept', () => {
  it('checks resources against the R4 schema and the invariants FHIRPath can evaluate', () => {
    expect(invariantCount('Questionnaire')).toBeGreaterThan(10)
    expect(invariantCount('QuestionnaireResponse')).toBeGreaterThan(3)
    expect(invariantCount('MeasureReport')).toBeGreaterThan(2)
    expect(invariantCount('Bundle')).toBeGreaterThan(5)
    // What the checks must catch: a status FHIR does not have, an item with no linkId, and a
    // display item marked required (invariant que-6).
    const broken = {
      resourceType: 'Questionnaire',
      status: 'finished',
      item: [{ type: 'choice' }, { linkId: 'd', type: 'display', text: 'Note', required: true }],
    }
    const problems = fhirProblems(broken)
    expect(problems.some((p) => p.includes('/status'))).toBe(true)
    expect(problems.some((p) => p.includes('linkId is required'))).toBe(true)
    expect(problems.some((p) => p.includes('que-6'))).toBe(true)
  })

  it.each(builtInInstruments().map((i) => [`${i.slug} v${i.version}`, i] as const))(
    'exports a valid Questionnaire of %s',
    (_, instrument) => {
      expect(fhirProblems(toQuestionnaire(instrument))).toEqual([])
    },
  )

  it.each([
    ['PHQ-9', phq9],
    ['GAD-7', gad7],
  ])('takes in a valid %s and writes it out valid', (_, form) => {
    expect(fhirProblems(form)).toEqual([])
    expect(fhirProblems(toQuestionnaire(imported(form)))).toEqual([])
  })

  it('exports consensus records as valid QuestionnaireResponses, nested as the Questionnaire is', () => {
    const [first, second] = team.items
    const bundle = toResponseBundle(team, round, [
      {
        id: '0b5e2c1e-9f0a-4c62-8f0e-2a1d3c4b5a69',
        groupName: 'Ward 3',
        completedOn: '2027-03-20T14:00:00.000Z',
        answers: [
          {
            linkId: first?.linkId ?? '',
            value: 3,
            comment: 'Minutes of the March meeting',
            dissent: 'One member rated it 2',
          },
          { linkId: second?.linkId ?? '', value: 'DK', comment: null, dissent: null },
        ],
      },
    ])
    expect(fhirProblems(bundle)).toEqual([])
    const exported = toQuestionnaire(team) as Questionnaire
    const response = bundle.entry?.[0]?.resource as unknown as {
      item: { linkId: string; item: { linkId: string }[] }[]
    }
    const group = exported.item?.find((g) => g.item?.some((i) => i.linkId === first?.linkId))
    expect(response.item[0]?.linkId).toBe(group?.linkId)
    expect(response.item[0]?.item[0]?.linkId).toBe(first?.linkId)
  })

  it('answers a flat Questionnaire’s questions at the top level, whatever domains their codes give', () => {
    const form = structuredClone(phq9) as Questionnaire
    const subscale = 'https://trust.example/CodeSystem/phq-9-subscale'
    for (const [i, item] of (form.item ?? []).slice(0, 9).entries())
      item.code = [...(item.code ?? []), { system: subscale, code: i % 2 ? 'odd' : 'even' }]
    const phq = imported(form)
    expect(phq.domains).toHaveLength(2)
    const bundle = toResponseBundle(phq, round, [
      {
        id: '5d0c9a4e-3b1f-4e7a-9c2d-6f8e1a0b2c3d',
        groupName: 'Ward 3',
        completedOn: '2027-03-20T14:00:00.000Z',
        answers: phq.items.map((item) => ({
          linkId: item.linkId,
          value: 1,
          comment: null,
          dissent: null,
        })),
      },
    ])
    expect(fhirProblems(bundle)).toEqual([])
    const response = bundle.entry?.[0]?.resource as unknown as { item: { linkId: string }[] }
    expect(response.item.map((i) => i.linkId)).toEqual(form.item?.slice(0, 9).map((i) => i.linkId))
  })

  it('exports an individual round as valid MeasureReports, with figures below the threshold masked', async () => {
    const at = { roundId: round.id, groupId: 'c0c7d1e2-5a4b-4c3d-8e9f-0a1b2c3d4e5f' }
    const figure = (
      perspective: string,
      kind: 'responses' | 'total',
      n: number,
      sum = 0,
      sumOfSquares = 0,
    ) => ({
      ...at,
      perspective,
      kind,
      key: '',
      n,
      sum,
      sumOfSquares,
      insufficient: 0,
      naCount: 0,
      dkCount: 0,
    })
    // Eight people: six staff and two people using the service (a perspective of two).
    const rows = [
      figure('all', 'responses', 8),
      figure('all', 'total', 8, 480, 29600),
      figure('staff', 'responses', 6),
      figure('staff', 'total', 6, 360, 22000),
      figure('person-using-service', 'responses', 2),
      figure('person-using-service', 'total', 2, 120, 7600),
    ]
    const results = groupResults({ mode: 'individual', anonymityThreshold: 5 }, rows, {
      instrument: team,
    })
    const bundle = await toMeasureReportBundle(team, round, [
      { id: at.groupId, name: 'Ward 3', results },
    ])
    expect(fhirProblems(bundle)).toEqual([])
    const report = bundle.entry?.[0]?.resource as MeasureReport
    const total = report.group?.find((g) => g.code?.coding?.[0]?.code === 'total')
    expect(total?.measureScore?.value).toBe(60)
    expect(total?.population?.[0]?.count).toBe(8)
    const shown = [
      ...(report.group ?? []),
      ...(report.group ?? []).flatMap((g) => g.stratifier?.flatMap((s) => s.stratum ?? []) ?? []),
    ]
    const masked = shown.filter((g) => g.measureScore?.value === undefined)
    expect(masked.length).toBeGreaterThan(0)
    for (const g of shown) {
      const count = g.population?.[0]?.count
      if (g.measureScore?.value === undefined) expect(count).toBeUndefined()
      else expect(count).toBeGreaterThanOrEqual(5)
    }
    const pus = total?.stratifier?.[0]?.stratum?.find(
      (s) => s.value?.coding?.[0]?.code === 'person-using-service',
    )
    expect(pus?.measureScore?.extension?.[0]).toEqual({
      url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
      valueCode: 'masked',
    })
    expect(JSON.stringify(bundle)).not.toContain('"count":2')
  })
})
