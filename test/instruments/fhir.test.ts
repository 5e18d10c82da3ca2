import type { Extension, Questionnaire, QuestionnaireItem } from 'fhir/r4'
import { describe, expect, it } from 'vitest'
import { parseInstrument } from '../../src/instruments/definition'
import { canonicalBase, extensions, standard } from '../../src/instruments/fhir/canonical'
import { toQuestionnaire } from '../../src/instruments/fhir/questionnaire'
import { builtInInstruments, findBuiltIn } from '../../src/instruments/registry'
import { draftNextVersion } from '../../src/instruments/versions'
import phq9 from '../fixtures/loinc-phq-9.json'
import { imported, roundTrip } from './fhir-round-trip'

const exec = findBuiltIn('org-recovery-exec', 1) ?? expect.fail('org-recovery-exec v1 missing')

const questions = (q: Questionnaire) => (q.item ?? []).flatMap((group) => group.item ?? [])
const scores = (item: QuestionnaireItem) =>
  (item.answerOption ?? []).map((o) => [
    o.valueCoding?.code,
    o.extension?.find((e) => e.url === standard.ordinalValue)?.valueDecimal,
    o.extension?.find((e) => e.url === standard.itemWeight)?.valueDecimal,
  ])

/** Every extension anywhere in a resource, with the shape it takes: its value[x], or its parts. */
function extensionShapes(node: unknown, found = new Map<string, Set<string>>()) {
  if (Array.isArray(node)) for (const n of node) extensionShapes(n, found)
  else if (node && typeof node === 'object') {
    for (const e of ((node as { extension?: Extension[] }).extension ?? []) as Extension[]) {
      const shape =
        Object.keys(e).find((k) => k.startsWith('value')) ??
        `parts ${(e.extension ?? []).map((p) => p.url).join(',')}`
      const shapes = found.get(e.url) ?? new Set<string>()
      shapes.add(shape.startsWith('parts') ? 'complex' : shape)
      found.set(e.url, shapes)
    }
    for (const [key, value] of Object.entries(node))
      if (key !== 'extension') extensionShapes(value, found)
    for (const e of (node as { extension?: Extension[] }).extension ?? [])
      for (const [key, value] of Object.entries(e))
        if (key !== 'extension') extensionShapes(value, found)
  }
  return found
}

describe('FHIR Questionnaire export', () => {
  it('exports a version with an id, canonical url, version, status, linkIds and scored options', () => {
    const q = toQuestionnaire(exec)
    expect(q).toMatchObject({
      resourceType: 'Questionnaire',
      id: 'org-recovery-exec-1',
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
    expect(scores(first as QuestionnaireItem)).toEqual([
      ['0', 0, 0],
      ['1', 1, 1],
      ['2', 2, 2],
      ['3', 3, 3],
      ['asked-unknown', undefined, undefined],
    ])
    expect(questions(q)).toHaveLength(35)
  })

  it('defines each of the product’s extensions once, under its own base, in one shape each', () => {
    const shapes = new Map<string, Set<string>>()
    for (const instrument of builtInInstruments())
      extensionShapes(toQuestionnaire(instrument), shapes)
    extensionShapes(toQuestionnaire(parseInstrument(imported(phq9).definition)), shapes)
    const own = [...shapes.keys()].filter((url) => !url.startsWith('http://hl7.org/'))
    expect(own.length).toBeGreaterThanOrEqual(6)
    for (const url of own) {
      expect(url.startsWith(`${canonicalBase}/StructureDefinition/`)).toBe(true)
      expect(Object.values(extensions)).toContain(url)
    }
    for (const [url, seen] of shapes) expect([url, [...seen]]).toEqual([url, [...seen].slice(0, 1)])
  })
})

describe('FHIR Questionnaire round trip', () => {
  it.each(builtInInstruments().map((i) => [`${i.slug} v${i.version}`, i] as const))(
    'gives back the very instrument, and the same Questionnaire again (%s)',
    (_, instrument) => {
      const first = toQuestionnaire(instrument)
      expect(parseInstrument({ ...imported(first).definition, status: instrument.status })).toEqual(
        instrument,
      )
      const second = roundTrip(first)
      expect(second).toEqual(first)
      expect(questions(second).map(scores)).toEqual(questions(first).map(scores))
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

  it('reads a file the product wrote before its extensions had their own base', () => {
    const today = toQuestionnaire(exec)
    const earlier = JSON.parse(
      JSON.stringify(today)
        .replaceAll(
          `${canonicalBase}/StructureDefinition/item-scale`,
          'urn:recovery-culture:fhir:extension:scale',
        )
        .replaceAll(`${canonicalBase}/StructureDefinition/`, 'urn:recovery-culture:fhir:extension:')
        .replaceAll(`${canonicalBase}/NamingSystem/instrument`, 'urn:recovery-culture:instrument')
        .replaceAll(`${canonicalBase}/CodeSystem/scale-`, 'urn:recovery-culture:scale:'),
    )
    expect(JSON.stringify(earlier)).not.toContain(canonicalBase)
    expect(parseInstrument({ ...imported(earlier).definition, status: 'active' })).toEqual(exec)
  })
})
