import type { Coding, Extension } from 'fhir/r4'

/**
 * Where the product's own FHIR definitions live: one base for every extension and code system it
 * writes, each named once here with the one shape it has.
 */
export const canonicalBase = 'https://recovery-culture.org/fhir'

const definedAt = (name: string) => `${canonicalBase}/StructureDefinition/${name}`

/** The product's extensions: each URL with the one shape it takes and where it sits. */
export const extensions = {
  /** On the Questionnaire, repeated: a perspective the instrument is worded for (valueCode). */
  perspective: definedAt('perspective'),
  /** On the Questionnaire, repeated: a scale, with `id` (valueCode) and `title` (valueString). */
  scale: definedAt('scale'),
  /** On a question: the id of the scale it is answered on (valueCode). */
  itemScale: definedAt('item-scale'),
  /** On a question: its wording for a perspective, `perspective` (valueCode) and `text` (valueString). */
  perspectiveText: definedAt('perspective-text'),
  /** On an answer option: what the level means in words (valueString). */
  levelDescriptor: definedAt('level-descriptor'),
  /** On a domain's group: what the domain covers (valueString). */
  domainDescription: definedAt('domain-description'),
  /**
   * On a domain's group, repeated: its heading and description for one perspective, `perspective`
   * (valueCode), `title` and `description` (valueString).
   */
  domainWording: definedAt('domain-wording'),
  /** On the Questionnaire, repeated: an item's change since the version it derives from, `linkId` (valueString) and `change` (valueCode). */
  lineage: definedAt('lineage'),
  /** On the Questionnaire: the product's own order of a version whose label is not a whole number (valueInteger). */
  versionOrder: definedAt('version-order'),
  /** On a consensus record's answered question: the evidence the group gave (valueString). */
  evidence: definedAt('evidence'),
  /** On a consensus record's answered question: dissent the group recorded (valueString). */
  dissent: definedAt('dissent'),
} as const

/** Extensions FHIR and its implementation guides define, which the product reads and writes. */
export const standard = {
  /** A score of an answer option, R4's own extension. */
  ordinalValue: 'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  /** The same score as R5 names it; written beside ordinalValue for tools that read only that. */
  itemWeight: 'http://hl7.org/fhir/StructureDefinition/itemWeight',
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  itemControlSystem: 'http://hl7.org/fhir/questionnaire-item-control',
  calculatedExpression:
    'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
  dataAbsentReason: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
  dataAbsentReasonSystem: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  measurePopulation: 'http://terminology.hl7.org/CodeSystem/measure-population',
} as const

/** Answer codes of "not applicable" and "don't know" (FHIR's data-absent-reason codes). */
export const notApplicable = 'not-applicable'
export const dontKnow = 'asked-unknown'

/** The product's code system for a scale's levels, where an instrument keeps no codes of its own. */
export const scaleSystem = (scaleId: string) => `${canonicalBase}/CodeSystem/scale-${scaleId}`

/** The identifier system of an instrument's slug. */
export const slugSystem = `${canonicalBase}/NamingSystem/instrument`

/** The code system of what a MeasureReport group reports: the total, a domain or a question. */
export const measureSystem = `${canonicalBase}/CodeSystem/measure`

/** The code system of perspectives, as a MeasureReport stratifies by them. */
export const perspectiveSystem = `${canonicalBase}/CodeSystem/perspective`

/** The Measure a round's scores report on, by instrument. */
export const measureOf = (slug: string) => `${canonicalBase}/Measure/${slug}`

export const extensionsOf = (element: { extension?: Extension[] } | undefined, url: string) =>
  (element?.extension ?? []).filter((e) => e.url === url)

/** A complex extension's part by its url. */
export const partOf = (extension: Extension, url: string) =>
  extension.extension?.find((part) => part.url === url)

/** A coding as kept: only the fields FHIR gives a coding, in one order. */
export const codingOf = (coding: Coding): Coding => ({
  ...(coding.system !== undefined ? { system: coding.system } : {}),
  ...(coding.version !== undefined ? { version: coding.version } : {}),
  ...(coding.code !== undefined ? { code: coding.code } : {}),
  ...(coding.display !== undefined ? { display: coding.display } : {}),
})
