import type {
  Extension,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
} from 'fhir/r4'
import type { Instrument, Item } from '../definition'
import { dontKnow, extensions, notApplicable, scaleSystem, slugSystem, standard } from './canonical'

const pascal = (slug: string) =>
  slug.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())

/** A resource id from parts of a name: letters, digits, - and . only, at most 64. */
export const resourceId = (...parts: (string | number)[]) =>
  parts
    .join('-')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .slice(0, 64)

/** The version a Questionnaire gives: the label it came with, or the product's own number. */
export const versionOf = (instrument: Instrument) =>
  instrument.versionLabel ?? String(instrument.version)

/** The canonical reference to a version: url|version, as QuestionnaireResponses cite it. */
export const canonicalOf = (instrument: Instrument) => `${instrument.url}|${versionOf(instrument)}`

/** A level's score, in R4's own extension and in R5's, so that tools of either read it. */
const scored = (value: number): Extension[] => [
  { url: standard.ordinalValue, valueDecimal: value },
  { url: standard.itemWeight, valueDecimal: value },
]

/** An item's answer coding for a value, as its Questionnaire lists the option. */
export function answerCoding(instrument: Instrument, item: Item, value: number | 'NA' | 'DK') {
  if (value === 'NA')
    return {
      system: standard.dataAbsentReasonSystem,
      code: notApplicable,
      display: 'Not applicable',
    }
  if (value === 'DK')
    return { system: standard.dataAbsentReasonSystem, code: dontKnow, display: "Don't know" }
  const level = instrument.scales
    .find((s) => s.id === item.scale)
    ?.levels.find((l) => l.value === value)
  return level?.coding
    ? { ...level.coding, display: level.label }
    : { system: scaleSystem(item.scale), code: String(value), display: level?.label }
}

/** A question's wording for each perspective it has one for, in the instrument's order. */
const wordings = (instrument: Instrument, item: Item) =>
  instrument.perspectives.flatMap((p) => (item.text[p] ? [[p, item.text[p]] as const] : []))

/** The wording a resource shows for a question: that of the instrument's first perspective. */
export const wordingOf = (instrument: Instrument, item: Item) =>
  wordings(instrument, item)[0]?.[1] ?? item.linkId

function questionItem(instrument: Instrument, item: Item): QuestionnaireItem {
  const scale = instrument.scales.find((s) => s.id === item.scale)
  const options: QuestionnaireItemAnswerOption[] = (scale?.levels ?? []).map((level) => ({
    valueCoding: answerCoding(instrument, item, level.value),
    extension: [
      ...scored(level.value),
      ...(level.descriptor
        ? [{ url: extensions.levelDescriptor, valueString: level.descriptor }]
        : []),
    ],
  }))
  if (item.allowNA) options.push({ valueCoding: answerCoding(instrument, item, 'NA') })
  if (item.allowDK) options.push({ valueCoding: answerCoding(instrument, item, 'DK') })
  const texts = wordings(instrument, item)
  return {
    linkId: item.linkId,
    ...(item.code ? { code: item.code } : {}),
    type: 'choice',
    text: wordingOf(instrument, item),
    required: false,
    extension: [
      { url: extensions.itemScale, valueCode: item.scale },
      ...texts.map(([perspective, text]) => ({
        url: extensions.perspectiveText,
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
                  url: standard.itemControl,
                  valueCodeableConcept: {
                    coding: [{ system: standard.itemControlSystem, code: 'help' }],
                  },
                },
              ],
            },
          ],
        }
      : {}),
  }
}

/**
 * One list of items (the Questionnaire's own, or a domain's group) in the order it was imported:
 * the scored questions, with each item kept unscored put back after the one it followed.
 */
function withUnscored(
  instrument: Instrument,
  domain: string | null,
  scored: QuestionnaireItem[],
): QuestionnaireItem[] {
  const list = [...scored]
  for (const kept of instrument.unscored ?? []) {
    if (kept.domain !== domain) continue
    const at = kept.after === null ? 0 : list.findIndex((i) => i.linkId === kept.after) + 1
    list.splice(
      at === 0 && kept.after !== null ? list.length : at,
      0,
      kept.item as unknown as QuestionnaireItem,
    )
  }
  return list
}

/**
 * An instrument version as a FHIR R4 Questionnaire: domains are groups (or, for an instrument that
 * came flat, its questions stand alone), options carry their scores, codes kept from elsewhere are
 * written back, and items kept unscored stand where they stood.
 */
export function toQuestionnaire(instrument: Instrument): Questionnaire {
  const questions = (domain: string) =>
    instrument.items.filter((i) => i.domain === domain).map((i) => questionItem(instrument, i))
  const groups: QuestionnaireItem[] = instrument.flat
    ? withUnscored(
        instrument,
        null,
        instrument.items.map((i) => questionItem(instrument, i)),
      )
    : withUnscored(
        instrument,
        null,
        instrument.domains.map((domain) => ({
          linkId: domain.key,
          ...(domain.code ? { code: domain.code } : {}),
          type: 'group',
          text: domain.title,
          ...(domain.description || domain.wording
            ? {
                extension: [
                  ...(domain.description
                    ? [{ url: extensions.domainDescription, valueString: domain.description }]
                    : []),
                  ...Object.entries(domain.wording ?? {}).map(([perspective, wording]) => ({
                    url: extensions.domainWording,
                    extension: [
                      { url: 'perspective', valueCode: perspective },
                      { url: 'title', valueString: wording.title },
                      ...(wording.description
                        ? [{ url: 'description', valueString: wording.description }]
                        : []),
                    ],
                  })),
                ],
              }
            : {}),
          item: withUnscored(instrument, domain.key, questions(domain.key)),
        })),
      )
  return {
    resourceType: 'Questionnaire',
    id: resourceId(instrument.slug, versionOf(instrument)),
    url: instrument.url,
    identifier: [{ system: slugSystem, value: instrument.slug }],
    version: versionOf(instrument),
    name: pascal(instrument.slug),
    title: instrument.title,
    status: instrument.status,
    description: instrument.description,
    ...(instrument.copyright ? { copyright: instrument.copyright } : {}),
    ...(instrument.code ? { code: instrument.code } : {}),
    ...(instrument.derivedFrom ? { derivedFrom: [instrument.derivedFrom] } : {}),
    extension: [
      ...(instrument.versionLabel
        ? [{ url: extensions.versionOrder, valueInteger: instrument.version }]
        : []),
      ...instrument.perspectives.map((p) => ({ url: extensions.perspective, valueCode: p })),
      ...instrument.scales.map((scale) => ({
        url: extensions.scale,
        extension: [
          { url: 'id', valueCode: scale.id },
          { url: 'title', valueString: scale.title },
        ],
      })),
      ...(instrument.lineage ?? []).map((entry) => ({
        url: extensions.lineage,
        extension: [
          { url: 'linkId', valueString: entry.linkId },
          { url: 'change', valueCode: entry.change },
        ],
      })),
    ],
    item: groups,
  }
}
