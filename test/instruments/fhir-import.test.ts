import type { Coding, Questionnaire, QuestionnaireItem } from 'fhir/r4'
import { describe, expect, it } from 'vitest'
import { parseInstrument } from '../../src/instruments/definition'
import { standard } from '../../src/instruments/fhir/canonical'
import { fromQuestionnaire } from '../../src/instruments/fhir/import'
import { toQuestionnaire } from '../../src/instruments/fhir/questionnaire'
import { builtInSlugs, findBuiltIn } from '../../src/instruments/registry'
import gad7 from '../fixtures/loinc-gad-7.json'
import phq9 from '../fixtures/loinc-phq-9.json'
import { imported, roundTrip } from './fhir-round-trip'

const exec = findBuiltIn('org-recovery-exec', 1) ?? expect.fail('org-recovery-exec v1 missing')

/** Every coding anywhere in a resource, as system|code. */
function codesIn(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) codesIn(n, found)
  else if (node && typeof node === 'object') {
    const coding = node as Coding
    if (typeof coding.code === 'string' && typeof coding.system === 'string')
      found.add(`${coding.system}|${coding.code}`)
    for (const value of Object.values(node)) codesIn(value, found)
  }
  return found
}

describe('Questionnaires written by other tools', () => {
  it('imports LOINC’s PHQ-9 as it is: a string version, flat items, /-style linkIds, every code kept', () => {
    const result = imported(phq9)
    const { definition } = result
    expect(definition).toMatchObject({
      url: 'http://loinc.org/q/44249-1',
      slug: 'phq9',
      version: 1,
      versionLabel: '1.0.0',
      status: 'draft',
      flat: true,
      code: [{ system: 'http://loinc.org', code: '44249-1' }],
    })
    expect(result.orderGiven).toBe(false)
    expect(definition.items.map((i) => i.linkId)).toEqual(
      phq9.item.slice(0, 9).map((i) => i.linkId),
    )
    expect(definition.items[0]?.code).toEqual([
      {
        system: 'http://loinc.org',
        code: '44250-9',
        display: 'Little interest or pleasure in doing things',
      },
    ])
    expect(definition.scales).toHaveLength(1)
    expect(definition.scales[0]?.levels).toEqual([
      { value: 0, label: 'Not at all', coding: { system: 'http://loinc.org', code: 'LA6568-5' } },
      { value: 1, label: 'Several days', coding: { system: 'http://loinc.org', code: 'LA6569-3' } },
      {
        value: 2,
        label: 'More than half the days',
        coding: { system: 'http://loinc.org', code: 'LA6570-1' },
      },
      {
        value: 3,
        label: 'Nearly every day',
        coding: { system: 'http://loinc.org', code: 'LA6571-9' },
      },
    ])
    // What the import summary on the draft's page is made of: 9 scored, 1 domain, 2 kept unscored.
    const kept = (definition.unscored ?? []).map(({ linkId, text, reason }) => ({
      linkId,
      text,
      reason,
    }))
    expect({
      scored: definition.items.length,
      domains: definition.domains.length,
      unscored: kept,
    }).toEqual({
      scored: 9,
      domains: 1,
      unscored: [
        {
          linkId: '/44261-6',
          text: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
          reason: 'worked out by the form from other answers, not answered by anyone',
        },
        {
          linkId: '/69722-7',
          text: expect.stringMatching(/^If you checked off any problems/),
          reason: 'its options carry no scores',
        },
      ],
    })
  })

  it('takes a flat Questionnaire’s domains from a code its questions share, and writes it back as it came', () => {
    // PHQ-9's somatic questions (sleep, tiredness, appetite, moving or speaking slowly) coded as a
    // subscale, the others as the cognitive and affective one.
    const subscale = 'https://trust.example/CodeSystem/phq-9-subscale'
    const somatic = ['/44259-0', '/44254-1', '/44251-7', '/44253-3']
    const form = structuredClone(phq9) as Questionnaire
    for (const item of form.item?.slice(0, 9) ?? [])
      item.code = [
        ...(item.code ?? []),
        somatic.includes(item.linkId)
          ? { system: subscale, code: 'somatic', display: 'Somatic' }
          : { system: subscale, code: 'cognitive-affective', display: 'Cognitive and affective' },
      ]
    const { definition } = imported(form)
    expect(definition.domains.map((d) => [d.key, d.title])).toEqual([
      ['cognitive-affective', 'Cognitive and affective'],
      ['somatic', 'Somatic'],
    ])
    expect(definition.items.filter((i) => i.domain === 'somatic').map((i) => i.linkId)).toEqual(
      somatic,
    )
    expect(definition.domains).toHaveLength(2)
    const out = toQuestionnaire(parseInstrument(definition))
    expect(out.item?.map((i) => [i.linkId, i.type])).toEqual(
      form.item?.map((i) => [i.linkId, i.type]),
    )
    expect(roundTrip(out)).toEqual(out)
    // LOINC's own question codes, one to a question, give no domains.
    expect(imported(phq9).definition.domains).toHaveLength(1)
  })

  it.each([
    ['PHQ-9', phq9],
    ['GAD-7', gad7],
  ])(
    'writes the %s back out with every code, linkId and item it came with, in order',
    (_, form) => {
      const out = toQuestionnaire(parseInstrument(imported(form).definition))
      expect(out.url).toBe(form.url)
      expect(out.version).toBe(form.version)
      for (const code of codesIn(form)) expect(codesIn(out)).toContain(code)
      const linkIds = (items: readonly QuestionnaireItem[] = []): string[] =>
        items.flatMap((i) => [i.linkId, ...linkIds(i.item)])
      expect(linkIds(out.item)).toEqual(linkIds(form.item as QuestionnaireItem[]))
      expect(roundTrip(out)).toEqual(out)
    },
  )

  it('reads scores given on the coding itself, and keeps unscored items inside their group', () => {
    const { definition } = imported(gad7)
    expect(definition.flat).toBeUndefined()
    expect(definition.domains).toEqual([
      {
        key: '/69737-5',
        title: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
        code: [
          {
            system: 'http://loinc.org',
            code: '69737-5',
            display: 'Generalized anxiety disorder 7 item (GAD-7)',
          },
        ],
      },
    ])
    expect(definition.items).toHaveLength(7)
    expect(definition.scales[0]?.levels.map((l) => l.value)).toEqual([0, 1, 2, 3])
    expect((definition.unscored ?? []).map((u) => u.linkId)).toEqual([
      '/69737-5/70274-6',
      '/69737-5/69722-7',
    ])
    expect(definition.unscored?.map((u) => [u.domain, u.after])).toEqual([
      ['/69737-5', '/69737-5/69736-7'],
      ['/69737-5', '/69737-5/70274-6'],
    ])
  })

  it('accepts R4’s ordinalValue alone for scores, and codes for not applicable and don’t know', () => {
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
                  extension: [{ url: standard.ordinalValue, valueDecimal: v }],
                })),
                { valueCoding: { system: standard.dataAbsentReasonSystem, code: 'asked-unknown' } },
              ],
            },
          ],
        },
      ],
    }
    expect(imported(q).definition).toMatchObject({
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

  it('lists every problem at once, those of the file and those of the instrument together', () => {
    const q = {
      resourceType: 'Questionnaire',
      name: 'Broken',
      version: '2.1',
      status: 'draft',
      item: [
        {
          linkId: 'g1',
          type: 'group',
          text: 'Group',
          item: [
            { linkId: 'free', type: 'string', text: 'Tell us more' },
            { linkId: 'typed', type: 'choice', text: 42, answerOption: [] },
            {
              linkId: 'half',
              type: 'choice',
              text: 'Half scored',
              answerOption: [
                {
                  valueCoding: { code: 'yes', display: 'Yes' },
                  extension: [{ url: standard.ordinalValue, valueDecimal: 1 }],
                },
                { valueCoding: { code: 'no', display: 'No' } },
              ],
            },
            {
              linkId: 'same',
              type: 'choice',
              text: 'Same scores',
              answerOption: ['A', 'B'].map((display) => ({
                valueCoding: { code: display, display },
                extension: [{ url: standard.ordinalValue, valueDecimal: 1 }],
              })),
            },
            {
              linkId: ' spaced ',
              type: 'choice',
              text: 'A linkId FHIR would not accept either',
              answerOption: [0, 1].map((v) => ({
                valueCoding: { code: `${v}`, display: `${v}` },
                extension: [{ url: standard.ordinalValue, valueDecimal: v }],
              })),
            },
            { linkId: 'free', type: 'display', text: 'A linkId used twice' },
          ],
        },
      ],
    }
    const result = fromQuestionnaire(q)
    expect(result.ok).toBe(false)
    expect(result.ok ? [] : result.problems).toEqual([
      'Questionnaire.item[0].item[1].text has the wrong type of value: Invalid input: expected string, received number',
      'Questionnaire.url is missing: an instrument needs a canonical url',
      'item 1.3 (linkId half): option "No" carries no score while the others do; give each an ordinalValue extension',
      'item 1.3 (linkId half): needs at least two scored options',
      'item 1.4 (linkId same): two options have the same score',
      'item 1.6: linkId "free" is used twice',
      'Question  spaced  (linkId): A linkId is 1 to 255 characters, with no space at either end and no control characters',
    ])
  })

  it('lists a built-in instrument’s name with the file’s other problems, at the first attempt', () => {
    const { url: _, ...withoutUrl } = toQuestionnaire(exec)
    const result = fromQuestionnaire({ ...withoutUrl, identifier: [] }, 'staff', builtInSlugs)
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        'Questionnaire.url is missing: an instrument needs a canonical url',
        'The name org-recovery-exec belongs to a built-in instrument; give the Questionnaire another name',
      ]),
    )
  })

  it('refuses something that is not a Questionnaire', () => {
    expect(fromQuestionnaire({ resourceType: 'Patient' })).toEqual({
      ok: false,
      problems: ['The file is not a FHIR Questionnaire (resourceType must be "Questionnaire")'],
    })
    expect(fromQuestionnaire([1, 2]).ok).toBe(false)
  })
})
