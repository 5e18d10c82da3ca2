import type {
  Bundle,
  Extension,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  QuestionnaireResponse,
} from 'fhir/r4'
import { z } from 'zod'
import {
  type Instrument,
  type InstrumentDefinition,
  instrumentSchema,
  type Perspective,
  perspectives,
} from './definition'

const extension = (name: string) => `urn:recovery-culture:fhir:extension:${name}`
export const fhirUrls = {
  itemWeight: 'http://hl7.org/fhir/StructureDefinition/itemWeight',
  ordinalValue: 'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  slugSystem: 'urn:recovery-culture:instrument',
  perspective: extension('perspective'),
  perspectiveText: extension('perspective-text'),
  scale: extension('scale'),
  levelDescriptor: extension('level-descriptor'),
  domainDescription: extension('domain-description'),
  lineage: extension('lineage'),
}
const notApplicable = 'not-applicable'
const dontKnow = 'asked-unknown'

const scaleSystem = (id: string) => `urn:recovery-culture:scale:${id}`
const pascal = (slug: string) =>
  slug.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())

function questionItem(
  instrument: Instrument,
  item: Instrument['items'][number],
): QuestionnaireItem {
  const scale = instrument.scales.find((s) => s.id === item.scale)
  const options: QuestionnaireItemAnswerOption[] = (scale?.levels ?? []).map((level) => ({
    valueCoding: {
      system: scaleSystem(item.scale),
      code: String(level.value),
      display: level.label,
    },
    extension: [
      { url: fhirUrls.itemWeight, valueDecimal: level.value },
      ...(level.descriptor
        ? [{ url: fhirUrls.levelDescriptor, valueString: level.descriptor }]
        : []),
    ],
  }))
  if (item.allowNA) {
    options.push({
      valueCoding: {
        system: fhirUrls.dataAbsentReason,
        code: notApplicable,
        display: 'Not applicable',
      },
    })
  }
  if (item.allowDK) {
    options.push({
      valueCoding: { system: fhirUrls.dataAbsentReason, code: dontKnow, display: "Don't know" },
    })
  }
  const texts = instrument.perspectives.flatMap((p) =>
    item.text[p] ? [[p, item.text[p]] as const] : [],
  )
  return {
    linkId: item.linkId,
    type: 'choice',
    text: texts[0]?.[1],
    required: false,
    extension: [
      { url: fhirUrls.scale, valueCode: item.scale },
      ...texts.map(([perspective, text]) => ({
        url: fhirUrls.perspectiveText,
        extension: [
          { url: 'perspective', valueCode: perspective },
          { url: 'text', valueString: text },
        ],
      })),
    ],
    answerOption: options,
    ...(item.help
      ? {
          item: [
            {
              linkId: `${item.linkId}-help`,
              type: 'display',
              text: item.help,
              extension: [
                {
                  url: fhirUrls.itemControl,
                  valueCodeableConcept: {
                    coding: [
                      { system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'help' },
                    ],
                  },
                },
              ],
            },
          ],
        }
      : {}),
  }
}

/** An instrument version as a FHIR R4 Questionnaire: domains are groups, items carry weighted options. */
export function toQuestionnaire(instrument: Instrument): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    url: instrument.url,
    identifier: [{ system: fhirUrls.slugSystem, value: instrument.slug }],
    version: String(instrument.version),
    name: pascal(instrument.slug),
    title: instrument.title,
    status: instrument.status,
    description: instrument.description,
    ...(instrument.derivedFrom ? { derivedFrom: [instrument.derivedFrom] } : {}),
    extension: [
      ...instrument.perspectives.map((p) => ({ url: fhirUrls.perspective, valueCode: p })),
      ...instrument.scales.map((scale) => ({
        url: fhirUrls.scale,
        extension: [
          { url: 'id', valueCode: scale.id },
          { url: 'title', valueString: scale.title },
        ],
      })),
      ...(instrument.lineage ?? []).map((entry) => ({
        url: fhirUrls.lineage,
        extension: [
          { url: 'linkId', valueString: entry.linkId },
          { url: 'change', valueCode: entry.change },
        ],
      })),
    ],
    item: instrument.domains.map((domain) => ({
      linkId: domain.key,
      type: 'group',
      text: domain.title,
      ...(domain.description
        ? { extension: [{ url: fhirUrls.domainDescription, valueString: domain.description }] }
        : {}),
      item: instrument.items
        .filter((i) => i.domain === domain.key)
        .map((i) => questionItem(instrument, i)),
    })),
  }
}

export type ImportResult =
  | { ok: true; definition: InstrumentDefinition }
  | { ok: false; problems: string[] }

type Level = { value: number; label: string; descriptor?: string }
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const extensionsOf = (element: { extension?: Extension[] }, url: string) =>
  (element.extension ?? []).filter((e) => e.url === url)
const subValue = (e: Extension, url: string) => e.extension?.find((s) => s.url === url)
const slugify = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')

/**
 * The types of the parts of a Questionnaire that are read (anything else is passed over): a file
 * whose parts have other types is refused with each one listed, before it is read.
 */
const text = z.string().optional()
const extensionShape: z.ZodType<unknown> = z.lazy(() =>
  z.looseObject({
    url: z.string(),
    valueString: text,
    valueCode: text,
    valueDecimal: z.number().optional(),
    valueBoolean: z.boolean().optional(),
    extension: z.array(extensionShape).optional(),
  }),
)
const extensions = z.array(extensionShape).optional()
const itemShape: z.ZodType<unknown> = z.lazy(() =>
  z.looseObject({
    linkId: z.string(),
    text,
    type: z.string(),
    required: z.boolean().optional(),
    extension: extensions,
    answerOption: z
      .array(
        z.looseObject({
          valueCoding: z.looseObject({ system: text, code: text, display: text }).optional(),
          extension: extensions,
        }),
      )
      .optional(),
    item: z.array(itemShape).optional(),
  }),
)
const questionnaireShape = z.looseObject({
  url: text,
  version: z.union([z.string(), z.number()]).optional(),
  name: text,
  title: text,
  identifier: z.array(z.looseObject({ system: text, value: text })).optional(),
  extension: extensions,
  item: z.array(itemShape).optional(),
})

/** Where a part is, as the Questionnaire's own paths read: item[0].answerOption[2].valueCoding. */
const pathOf = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (at, key) =>
      typeof key === 'number' ? `${at}[${key}]` : `${at}${at ? '.' : ''}${String(key)}`,
    'Questionnaire',
  )

/**
 * A FHIR R4 Questionnaire as a draft instrument. Every part that cannot be represented is listed
 * as a problem, and then there is no definition at all.
 */
export function fromQuestionnaire(
  input: unknown,
  fallbackPerspective: Perspective = 'staff',
): ImportResult {
  if (!isRecord(input) || input.resourceType !== 'Questionnaire') {
    return {
      ok: false,
      problems: ['The file is not a FHIR Questionnaire (resourceType must be "Questionnaire")'],
    }
  }
  const shape = questionnaireShape.safeParse(input)
  if (!shape.success) {
    return {
      ok: false,
      problems: shape.error.issues.map(
        (issue) => `${pathOf(issue.path)} has the wrong type of value: ${issue.message}`,
      ),
    }
  }
  const q = input as unknown as Questionnaire
  const problems: string[] = []
  const problem = (message: string) => problems.push(message)

  const slug = slugify(
    q.identifier?.find((i) => i.system === fhirUrls.slugSystem)?.value ?? q.name ?? q.title ?? '',
  )
  if (!slug) problem('The Questionnaire has no name or title to name the instrument by')
  if (!q.url) problem('Questionnaire.url is missing: an instrument needs a canonical url')
  const version = q.version === undefined ? 1 : Number(q.version)
  if (!Number.isInteger(version) || version < 1) {
    problem(`Questionnaire.version "${q.version}" is not a whole number of 1 or more`)
  }

  const declared = extensionsOf(q, fhirUrls.perspective)
    .map((e) => e.valueCode)
    .filter((p): p is Perspective => perspectives.includes(p as Perspective))
  const scaleTitles = new Map(
    extensionsOf(q, fhirUrls.scale).map((e) => [
      subValue(e, 'id')?.valueCode ?? '',
      subValue(e, 'title')?.valueString ?? '',
    ]),
  )
  const scales = new Map<string, Level[]>()
  const domains: InstrumentDefinition['domains'] = []
  const items: InstrumentDefinition['items'] = []
  const perspectivesUsed = new Set<Perspective>(declared)

  const readOptions = (item: QuestionnaireItem, where: string) => {
    const levels: Level[] = []
    let allowNA = false
    let allowDK = false
    for (const [i, option] of (item.answerOption ?? []).entries()) {
      const coding = option.valueCoding
      const label =
        coding?.display ?? coding?.code ?? option.valueString ?? String(option.valueInteger ?? '')
      const weight = (option.extension ?? []).find(
        (e) => e.url === fhirUrls.itemWeight || e.url === fhirUrls.ordinalValue,
      )
      if (weight?.valueDecimal !== undefined || weight?.valueInteger !== undefined) {
        const descriptor = extensionsOf(option, fhirUrls.levelDescriptor)[0]?.valueString
        levels.push({
          value: Number(weight.valueDecimal ?? weight.valueInteger),
          label,
          ...(descriptor ? { descriptor } : {}),
        })
      } else if (coding?.code === notApplicable || coding?.code === 'NA') {
        allowNA = true
      } else if (coding?.code === dontKnow || coding?.code === 'unknown' || coding?.code === 'DK') {
        allowDK = true
      } else {
        problem(
          `${where}: option ${i + 1} ("${label}") has no score; give it an itemWeight extension`,
        )
      }
    }
    levels.sort((a, b) => a.value - b.value)
    if (new Set(levels.map((l) => l.value)).size !== levels.length)
      problem(`${where}: two options have the same score`)
    if (levels.length < 2) problem(`${where}: needs at least two scored options`)
    return { levels, allowNA, allowDK }
  }

  const scaleFor = (levels: Level[], declaredId: string | undefined, where: string) => {
    const key = JSON.stringify(levels.map((l) => [l.value, l.label]))
    const id =
      declaredId ??
      [...scales.entries()].find(
        ([, l]) => JSON.stringify(l.map((x) => [x.value, x.label])) === key,
      )?.[0] ??
      `SCALE${scales.size + 1}`
    const existing = scales.get(id)
    if (
      existing &&
      JSON.stringify(existing.map((l) => l.value)) !== JSON.stringify(levels.map((l) => l.value))
    ) {
      problem(`${where}: scale ${id} has different scores from another item on it`)
    }
    if (!existing) scales.set(id, levels)
    return id
  }

  const readQuestion = (item: QuestionnaireItem, domain: string, where: string) => {
    if (item.type !== 'choice' && (item.type as string) !== 'coding') {
      problem(
        `${where} has type "${item.type}": only choice items with scored options can be scored`,
      )
      return
    }
    if (item.answerValueSet)
      problem(`${where} takes its options from a value set; list them in answerOption instead`)
    if (item.enableWhen?.length)
      problem(`${where} is shown only conditionally (enableWhen), which is not supported`)
    if (item.repeats) problem(`${where} allows several answers (repeats), which cannot be scored`)
    const { levels, allowNA, allowDK } = readOptions(item, where)
    const scale = scaleFor(levels, extensionsOf(item, fhirUrls.scale)[0]?.valueCode, where)
    const text: Partial<Record<Perspective, string>> = {}
    for (const e of extensionsOf(item, fhirUrls.perspectiveText)) {
      const perspective = subValue(e, 'perspective')?.valueCode as Perspective
      const wording = subValue(e, 'text')?.valueString
      if (perspectives.includes(perspective) && wording) text[perspective] = wording
    }
    if (Object.keys(text).length === 0 && item.text)
      text[declared[0] ?? fallbackPerspective] = item.text
    for (const p of Object.keys(text)) perspectivesUsed.add(p as Perspective)
    const help = (item.item ?? []).find((child) => child.type === 'display')?.text
    for (const child of item.item ?? []) {
      if (child.type !== 'display')
        problem(`${where} has a nested question (${child.linkId}), which is not supported`)
    }
    items.push({
      linkId: item.linkId,
      domain,
      scale,
      text,
      allowNA,
      allowDK,
      ...(help ? { help } : {}),
    })
  }

  for (const [g, group] of (q.item ?? []).entries()) {
    const where = `item ${g + 1} (linkId ${group.linkId ?? 'missing'})`
    if (group.type !== 'group') {
      problem(
        `${where} is not inside a group: each question must sit in a group, which becomes its domain`,
      )
      continue
    }
    const description = extensionsOf(group, fhirUrls.domainDescription)[0]?.valueString
    domains.push({
      key: group.linkId,
      title: group.text ?? group.linkId,
      ...(description ? { description } : {}),
    })
    for (const [i, child] of (group.item ?? []).entries()) {
      const childWhere = `item ${g + 1}.${i + 1} (linkId ${child.linkId ?? 'missing'})`
      if (child.type === 'group')
        problem(`${childWhere} is a group inside a group; only one level of grouping is supported`)
      else if (child.type !== 'display') readQuestion(child, group.linkId, childWhere)
    }
  }
  if (items.length === 0 && problems.length === 0)
    problem('The Questionnaire has no scorable items')

  const lineage = extensionsOf(q, fhirUrls.lineage).map((e) => ({
    linkId: subValue(e, 'linkId')?.valueString ?? '',
    change: subValue(e, 'change')?.valueCode as 'kept',
  }))
  const definition: InstrumentDefinition = {
    url: q.url ?? '',
    slug,
    version,
    title: q.title ?? q.name ?? slug,
    description: q.description ?? q.title ?? slug,
    status: 'draft',
    perspectives: perspectives.filter((p) => perspectivesUsed.has(p)),
    scales: [...scales.entries()].map(([id, levels]) => ({
      id,
      title: scaleTitles.get(id) || id,
      levels,
    })),
    domains,
    items,
    ...(q.derivedFrom?.[0] ? { derivedFrom: q.derivedFrom[0] } : {}),
    ...(lineage.length && q.derivedFrom?.[0] ? { lineage } : {}),
  }
  if (problems.length > 0) return { ok: false, problems }
  const parsed = instrumentSchema.safeParse(definition)
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map(
        (i) => `${i.path.join('.') || 'Questionnaire'}: ${i.message}`,
      ),
    }
  }
  return { ok: true, definition }
}

export type RecordedResponse = {
  groupName: string
  completedOn: string | null
  answers: readonly { linkId: string; value: number | 'NA' | 'DK' | null; comment: string | null }[]
}

/**
 * Completed consensus records as a FHIR R4 Bundle of QuestionnaireResponses, each referring to its
 * Questionnaire as url|version, answers coded as the Questionnaire's options, evidence as a note.
 */
export function toResponseBundle(
  instrument: Instrument,
  responses: readonly RecordedResponse[],
): Bundle {
  const coding = (linkId: string, value: number | 'NA' | 'DK') => {
    if (value === 'NA')
      return { system: fhirUrls.dataAbsentReason, code: notApplicable, display: 'Not applicable' }
    if (value === 'DK')
      return { system: fhirUrls.dataAbsentReason, code: dontKnow, display: "Don't know" }
    const item = instrument.items.find((i) => i.linkId === linkId)
    const level = instrument.scales
      .find((s) => s.id === item?.scale)
      ?.levels.find((l) => l.value === value)
    return { system: scaleSystem(item?.scale ?? ''), code: String(value), display: level?.label }
  }
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: responses.map((response) => ({
      resource: {
        resourceType: 'QuestionnaireResponse',
        questionnaire: `${instrument.url}|${instrument.version}`,
        status: 'completed',
        ...(response.completedOn ? { authored: response.completedOn } : {}),
        subject: { display: response.groupName },
        item: response.answers.flatMap((a) =>
          a.value === null
            ? []
            : [
                {
                  linkId: a.linkId,
                  answer: [
                    {
                      valueCoding: coding(a.linkId, a.value),
                      ...(a.comment
                        ? { item: [{ linkId: `${a.linkId}-evidence`, text: a.comment }] }
                        : {}),
                    },
                  ],
                },
              ],
        ),
      } satisfies QuestionnaireResponse,
    })),
  }
}
