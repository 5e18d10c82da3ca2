import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fieldNames, itemKey } from '../../src/instruments/answer-form'
import { instrumentSchema, parseInstrument, perspectives } from '../../src/instruments/definition'
import { builtInDefinitions, builtInInstruments, findBuiltIn } from '../../src/instruments/registry'

const countBy = <T>(values: readonly T[]) => {
  const counts = new Map<T, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return counts
}

describe('built-in instruments', () => {
  it.each(builtInDefinitions.map((d) => [`${d.slug} v${d.version}`, d] as const))(
    'loads %s through the instrument schema',
    (_, definition) => {
      const result = instrumentSchema.safeParse(definition)
      expect(result.success ? [] : result.error.issues).toEqual([])
    },
  )

  it('has org-recovery-exec v1 with exactly 35 items over the 10 domains, 3 or 4 each, on STAGE4', () => {
    const exec = findBuiltIn('org-recovery-exec', 1)
    expect(exec?.items).toHaveLength(35)
    expect(exec?.domains).toHaveLength(10)
    const perDomain = countBy(exec?.items.map((i) => i.domain) ?? [])
    expect([...perDomain.keys()].sort()).toEqual(exec?.domains.map((d) => d.key).sort())
    for (const n of perDomain.values()) expect([3, 4]).toContain(n)
    expect(exec?.scales.map((s) => s.id)).toEqual(['STAGE4'])
    expect(exec?.scales[0]?.levels.map((l) => [l.value, l.label])).toEqual([
      [0, 'Not yet started'],
      [1, 'Engaging'],
      [2, 'Developing'],
      [3, 'Embedded'],
    ])
    for (const level of exec?.scales[0]?.levels ?? []) expect(level.descriptor).toBeTruthy()
    expect(exec?.items.every((i) => !i.allowNA && i.allowDK)).toBe(true)
    expect(exec?.items.every((i) => i.text.executive)).toBe(true)
  })

  it('has team-recovery-focus v1 covering all 10 domains in both perspectives, on AGREE5', () => {
    const team = findBuiltIn('team-recovery-focus', 1)
    expect(team?.items.length).toBeGreaterThanOrEqual(22)
    expect(team?.items.length).toBeLessThanOrEqual(26)
    for (const perspective of ['staff', 'person-using-service'] as const) {
      const domains = new Set(team?.items.filter((i) => i.text[perspective]).map((i) => i.domain))
      expect(domains.size).toBe(10)
    }
    for (const n of countBy(team?.items.map((i) => i.domain) ?? []).values()) {
      expect([2, 3]).toContain(n)
    }
    expect(team?.scales[0]?.levels.map((l) => l.value)).toEqual([1, 2, 3, 4, 5])
    expect(team?.items.every((i) => i.allowNA && i.allowDK)).toBe(true)
  })

  it('words the person-using-service statements in short, plain sentences', () => {
    const team = findBuiltIn('team-recovery-focus', 1)
    for (const item of team?.items ?? []) {
      const text = item.text['person-using-service'] ?? ''
      const words = text.split(/\s+/)
      expect(words.length, text).toBeLessThanOrEqual(20)
      const longWords = words.filter((w) => w.replace(/\W/g, '').length > 10)
      expect(longWords, text).toEqual([])
    }
  })

  it('gives every built-in a unique slug and version, and linkIds unique within each', () => {
    const keys = builtInInstruments().map((i) => `${i.slug}|${i.version}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(perspectives).toContain('executive')
  })
})

describe('the instrument schema', () => {
  const base = () =>
    structuredClone(builtInDefinitions[1]) as Record<string, unknown> & {
      items: { linkId: string; domain: string; scale: string; text: Record<string, string> }[]
    }

  it('refuses a linkId used twice, an unknown domain or scale, and missing wording', () => {
    const definition = base()
    const [first, second, third, fourth] = definition.items
    if (!first || !second || !third || !fourth) throw new Error('fixture too short')
    second.linkId = first.linkId
    third.domain = 'D99'
    fourth.scale = 'NOPE'
    fourth.text = { staff: 'Only staff wording' }
    const result = instrumentSchema.safeParse(definition)
    expect(result.success).toBe(false)
    const messages = result.success ? [] : result.error.issues.map((i) => i.message)
    expect(messages).toEqual(
      expect.arrayContaining([
        `linkId ${first.linkId} is used twice`,
        `Item ${third.linkId} names an unknown domain D99`,
        `Item ${fourth.linkId} names an unknown scale NOPE`,
        `Item ${fourth.linkId} has no wording for the person-using-service perspective`,
      ]),
    )
  })

  it('refuses scale levels out of order', () => {
    const definition = structuredClone(builtInDefinitions[0]) as {
      scales: { levels: { value: number }[] }[]
    }
    const levels = definition.scales[0]?.levels ?? []
    ;[levels[0], levels[1]] = [levels[1] as { value: number }, levels[0] as { value: number }]
    expect(() => parseInstrument(definition)).toThrow(/rising order/)
  })
})

describe('an item’s linkId in the questionnaire page', () => {
  it('makes element ids, field names and CSS selectors that are safe and never shared by two linkIds', () => {
    const safe = /^[A-Za-z0-9_-]+$/
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
        fc.string({ minLength: 1, maxLength: 40 }),
        (a, b) => {
          expect(itemKey(a)).toMatch(safe)
          expect(fieldNames(a).answer).toMatch(safe)
          if (a !== b) expect(itemKey(a)).not.toBe(itemKey(b))
        },
      ),
    )
    expect(itemKey('E01')).toBe('E01')
    expect(itemKey('/44250-9')).toBe('_2f_44250-9')
    expect(itemKey('a_b')).not.toBe(itemKey('a/b'))
  })
})
