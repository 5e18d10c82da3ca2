import type { Questionnaire, QuestionnaireItem } from 'fhir/r4'
import { describe, expect, it } from 'vitest'
import { parseInstrument } from '../../src/instruments/definition'
import { fhirUrls, fromQuestionnaire, toQuestionnaire } from '../../src/instruments/fhir'
import { builtInInstruments, findBuiltIn } from '../../src/instruments/registry'
import { draftNextVersion } from '../../src/instruments/versions'

const exec = findBuiltIn('org-recovery-exec', 1) ?? expect.fail('org-recovery-exec v1 missing')

function roundTrip(questionnaire: Questionnaire) {
  const imported = fromQuestionnaire(JSON.parse(JSON.stringify(questionnaire)))
  if (!imported.ok) throw new Error(imported.problems.join('\n'))
  return toQuestionnaire(parseInstrument({ ...imported.definition, status: questionnaire.status }))
}

const questions = (q: Questionnaire) => (q.item ?? []).flatMap((group) => group.item ?? [])
const weights = (item: QuestionnaireItem) =>
  (item.answerOption ?? []).map((o) => [
    o.valueCoding?.code,
    o.extension?.find((e) => e.url === fhirUrls.itemWeight)?.valueDecimal,
  ])

describe('FHIR Questionnaire export', () => {
  it('exports a version with canonical url, version, status, linkIds and weighted options', () => {
    const q = toQuestionnaire(exec)
    expect(q).toMatchObject({
      resourceType: 'Questionnaire',
      url: 'urn:recovery-culture:questionnaire:org-recovery-exec',
      version: '1',
      status: 'active',
      name: 'OrgRecoveryExec',
    })
    expect(q.item?.map((g) => [g.linkId, g.type])).toEqual(
      exec.domains.map((d) => [d.key, 'group']),
    )
    const [first] = questions(q)
    expect(first?.linkId).toBe('E01')
    expect(first?.type).toBe('choice')
    expect(weights(first as QuestionnaireItem)).toEqual([
      ['0', 0],
      ['1', 1],
      ['2', 2],
      ['3', 3],
      ['asked-unknown', undefined],
    ])
    expect(questions(q)).toHaveLength(35)
  })
})

describe('FHIR Questionnaire round trip', () => {
  it.each(builtInInstruments().map((i) => [`${i.slug} v${i.version}`, i] as const))(
    'gives the same items and weights after export, import and export again (%s)',
    (_, instrument) => {
      const first = toQuestionnaire(instrument)
      const second = roundTrip(first)
      expect(second).toEqual(first)
      expect(questions(second).map(weights)).toEqual(questions(first).map(weights))
    },
  )

  it('keeps help text, lineage and derivedFrom of a later version', () => {
    const next = draftNextVersion(exec)
    next.items = next.items.filter((i) => i.linkId !== 'E35')
    const e01 = next.items[0]
    if (e01) {
      e01.text = { executive: 'Reworded statement about hope.' }
      e01.help = 'Think about the last twelve months.'
    }
    const first = toQuestionnaire(next)
    expect(first.derivedFrom).toEqual(['urn:recovery-culture:questionnaire:org-recovery-exec|1'])
    expect(roundTrip(first)).toEqual(first)
  })
})

describe('FHIR Questionnaire import', () => {
  it('imports as a draft, whatever status the file gives', () => {
    const imported = fromQuestionnaire(toQuestionnaire(exec))
    expect(imported.ok && imported.definition.status).toBe('draft')
  })

  it('accepts the R4 ordinalValue extension for scores, and codes for NA and DK', () => {
    const q: Questionnaire = {
      resourceType: 'Questionnaire',
      url: 'https://example.org/Questionnaire/ward-climate',
      name: 'WardClimate',
      status: 'active',
      item: [
        {
          linkId: 'g1',
          type: 'group',
          text: 'Climate',
          item: [
            {
              linkId: 'q1',
              type: 'choice',
              text: 'The ward feels hopeful.',
              answerOption: [
                ...[1, 2, 3].map((v) => ({
                  valueCoding: { code: `a${v}`, display: `Level ${v}` },
                  extension: [{ url: fhirUrls.ordinalValue, valueDecimal: v }],
                })),
                { valueCoding: { system: fhirUrls.dataAbsentReason, code: 'asked-unknown' } },
              ],
            },
          ],
        },
      ],
    }
    const imported = fromQuestionnaire(q, 'staff')
    expect(imported.ok).toBe(true)
    if (!imported.ok) return
    expect(imported.definition).toMatchObject({
      slug: 'ward-climate',
      version: 1,
      perspectives: ['staff'],
      scales: [{ id: 'SCALE1', levels: [{ value: 1 }, { value: 2 }, { value: 3 }] }],
      items: [
        {
          linkId: 'q1',
          domain: 'g1',
          allowNA: false,
          allowDK: true,
          text: { staff: 'The ward feels hopeful.' },
        },
      ],
    })
  })

  it('lists every part that cannot be represented, and gives no instrument', () => {
    const q = {
      resourceType: 'Questionnaire',
      name: 'Broken',
      version: '2.1',
      status: 'draft',
      item: [
        { linkId: 'loose', type: 'choice', text: 'Outside any group' },
        {
          linkId: 'g1',
          type: 'group',
          text: 'Group',
          item: [
            { linkId: 'free', type: 'string', text: 'Tell us more' },
            {
              linkId: 'unweighted',
              type: 'choice',
              text: 'No scores',
              answerOption: [
                { valueCoding: { code: 'yes', display: 'Yes' } },
                { valueCoding: { code: 'no', display: 'No' } },
              ],
            },
            { linkId: 'inner', type: 'group', item: [] },
          ],
        },
      ],
    }
    const imported = fromQuestionnaire(q)
    expect(imported.ok).toBe(false)
    expect(imported.ok ? [] : imported.problems).toEqual([
      'Questionnaire.url is missing: an instrument needs a canonical url',
      'Questionnaire.version "2.1" is not a whole number of 1 or more',
      'item 1 (linkId loose) is not inside a group: each question must sit in a group, which becomes its domain',
      'item 2.1 (linkId free) has type "string": only choice items with scored options can be scored',
      'item 2.2 (linkId unweighted): option 1 ("Yes") has no score; give it an itemWeight extension',
      'item 2.2 (linkId unweighted): option 2 ("No") has no score; give it an itemWeight extension',
      'item 2.2 (linkId unweighted): needs at least two scored options',
      'item 2.3 (linkId inner) is a group inside a group; only one level of grouping is supported',
    ])
  })

  it('refuses something that is not a Questionnaire', () => {
    expect(fromQuestionnaire({ resourceType: 'Patient' })).toEqual({
      ok: false,
      problems: ['The file is not a FHIR Questionnaire (resourceType must be "Questionnaire")'],
    })
    expect(fromQuestionnaire([1, 2]).ok).toBe(false)
  })
})
