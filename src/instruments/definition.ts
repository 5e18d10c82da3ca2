import { z } from 'zod'

export const perspectives = [
  'executive',
  'staff',
  'person-using-service',
  'peer-worker',
  'carer',
] as const
export type Perspective = (typeof perspectives)[number]

export const perspectiveLabels: Record<Perspective, string> = {
  executive: 'Executive',
  staff: 'Staff',
  'person-using-service': 'Person using the service',
  'peer-worker': 'Peer support worker',
  carer: 'Carer',
}

export const instrumentStatuses = ['draft', 'active', 'retired'] as const
export type InstrumentStatus = (typeof instrumentStatuses)[number]

export const lineageChanges = ['kept', 'reworded', 'new', 'removed'] as const
export type LineageChange = (typeof lineageChanges)[number]

const nonBlank = z.string().trim().min(1)
/**
 * A linkId as FHIR allows one (a string of at most 255 characters), with no space at either end
 * and no control characters, so that it can stand in a page and a path.
 */
const linkIdPattern = /^(?!\s)[^\p{Cc}]{1,255}(?<!\s)$/u
const linkIdRule =
  'A linkId is 1 to 255 characters, with no space at either end and no control characters'

/** A code kept from the Questionnaire an instrument came from (LOINC's, say). */
const codingSchema = z.object({
  system: z.string().optional(),
  version: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
})
export type KeptCoding = z.infer<typeof codingSchema>
const codes = z.array(codingSchema).min(1).optional()

const scaleLevelSchema = z.object({
  value: z.number().finite(),
  label: nonBlank,
  descriptor: nonBlank.optional(),
  /** The level's own code, where it came with one; its display is the label. */
  coding: codingSchema.omit({ display: true }).optional(),
})

const scaleSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'A scale id is letters, digits, - or _'),
    title: nonBlank,
    levels: z.array(scaleLevelSchema).min(2, 'A scale needs at least two levels'),
  })
  .refine(
    (scale) =>
      scale.levels.every((level, i, all) => i === 0 || level.value > (all[i - 1]?.value ?? 0)),
    {
      message: 'Scale levels must be listed in rising order of value, each value once',
    },
  )

const domainWordingSchema = z.object({ title: nonBlank, description: nonBlank.optional() })

const domainSchema = z.object({
  key: z.string().regex(linkIdPattern, linkIdRule),
  title: nonBlank,
  description: nonBlank.optional(),
  /** The heading and description a perspective's respondents read, where they differ. */
  wording: z.partialRecord(z.enum(perspectives), domainWordingSchema).optional(),
  code: codes,
})

const itemSchema = z.object({
  linkId: z.string().regex(linkIdPattern, linkIdRule),
  domain: z.string(),
  scale: z.string(),
  text: z.partialRecord(z.enum(perspectives), nonBlank),
  allowNA: z.boolean(),
  allowDK: z.boolean(),
  help: nonBlank.optional(),
  code: codes,
})

/**
 * An item of an imported Questionnaire that the product does not score (a calculated total, a
 * question without scored options, text for the reader), kept as it came so that it is shown and
 * exported where it stood: in its domain's group (or at the top, `domain` null), after `after`.
 */
const unscoredSchema = z.object({
  linkId: z.string(),
  text: z.string().nullable(),
  reason: nonBlank,
  domain: z.string().nullable(),
  after: z.string().nullable(),
  item: z.record(z.string(), z.unknown()),
})
export type UnscoredItem = z.infer<typeof unscoredSchema>

const lineageSchema = z.object({ linkId: z.string(), change: z.enum(lineageChanges) })

/**
 * An instrument version, shaped like a FHIR Questionnaire: a canonical url and an integer version,
 * items with stable linkIds grouped in domains, each item on a scale, worded per perspective.
 */
export const instrumentSchema = z
  .object({
    url: nonBlank,
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'A slug is lower-case words joined by -'),
    /** The product's order of versions of one instrument. */
    version: z.number().int().positive(),
    /** The version as the Questionnaire it came from gave it, where that is not a whole number. */
    versionLabel: nonBlank.optional(),
    title: nonBlank,
    description: nonBlank,
    status: z.enum(instrumentStatuses),
    perspectives: z.array(z.enum(perspectives)).min(1),
    scales: z.array(scaleSchema).min(1),
    domains: z.array(domainSchema).min(1),
    items: z.array(itemSchema).min(1),
    derivedFrom: nonBlank.optional(),
    lineage: z.array(lineageSchema).optional(),
    copyright: nonBlank.optional(),
    code: codes,
    /**
     * Its questions stand alone, not in groups, in the Questionnaire it came from, in the order of
     * `items`: one domain, or the domains their shared codes give.
     */
    flat: z.literal(true).optional(),
    unscored: z.array(unscoredSchema).optional(),
  })
  .superRefine((instrument, ctx) => {
    const problem = (message: string, path: (string | number)[]) =>
      ctx.addIssue({ code: 'custom', message, path })
    const domainKeys = new Set(instrument.domains.map((d) => d.key))
    const scaleIds = new Set(instrument.scales.map((s) => s.id))
    if (domainKeys.size !== instrument.domains.length)
      problem('Domain keys must be unique', ['domains'])
    if (scaleIds.size !== instrument.scales.length) problem('Scale ids must be unique', ['scales'])
    const seen = new Set<string>(instrument.unscored?.map((u) => u.linkId))
    instrument.items.forEach((item, i) => {
      if (seen.has(item.linkId))
        problem(`linkId ${item.linkId} is used twice`, ['items', i, 'linkId'])
      seen.add(item.linkId)
      if (!domainKeys.has(item.domain))
        problem(`Item ${item.linkId} names an unknown domain ${item.domain}`, [
          'items',
          i,
          'domain',
        ])
      if (!scaleIds.has(item.scale))
        problem(`Item ${item.linkId} names an unknown scale ${item.scale}`, ['items', i, 'scale'])
      for (const perspective of instrument.perspectives) {
        if (!item.text[perspective])
          problem(`Item ${item.linkId} has no wording for the ${perspective} perspective`, [
            'items',
            i,
            'text',
          ])
      }
    })
    for (const domain of instrument.domains) {
      if (!instrument.items.some((item) => item.domain === domain.key)) {
        problem(`Domain ${domain.key} has no items`, ['domains'])
      }
    }
    if (instrument.lineage && !instrument.derivedFrom) {
      problem('Lineage is recorded only for a version derived from another', ['lineage'])
    }
  })

export type InstrumentDefinition = z.input<typeof instrumentSchema>
export type Instrument = z.output<typeof instrumentSchema>
export type Item = Instrument['items'][number]
export type Scale = Instrument['scales'][number]
export type Domain = Instrument['domains'][number]

/** A domain's heading and description as one perspective's respondents read them. */
export function domainWording(domain: Domain, perspective: Perspective) {
  return domain.wording?.[perspective] ?? { title: domain.title, description: domain.description }
}
export type LineageEntry = NonNullable<Instrument['lineage']>[number]

/** Parses a definition, throwing with every problem listed when it is not a valid instrument. */
export function parseInstrument(definition: unknown): Instrument {
  return instrumentSchema.parse(definition)
}

const scalesById = new WeakMap<Instrument, Map<string, Scale>>()

export function scaleOf(instrument: Instrument, item: Item): Scale {
  let scales = scalesById.get(instrument)
  if (!scales) {
    scales = new Map(instrument.scales.map((s) => [s.id, s]))
    scalesById.set(instrument, scales)
  }
  const scale = scales.get(item.scale)
  if (!scale) throw new Error(`Item ${item.linkId} names an unknown scale ${item.scale}`)
  return scale
}

const ranges = new WeakMap<Scale, { min: number; max: number }>()

/** The lowest and highest level values of a scale (worked out once a scale: results ask often). */
export function scaleRange(scale: Scale): { min: number; max: number } {
  let range = ranges.get(scale)
  if (!range) {
    const values = scale.levels.map((level) => level.value)
    range = { min: Math.min(...values), max: Math.max(...values) }
    ranges.set(scale, range)
  }
  return range
}

/** The same scale: the same id and the same level values (a label may be reworded). */
export function sameScale(a: Scale, b: Scale): boolean {
  return (
    a.id === b.id &&
    a.levels.length === b.levels.length &&
    a.levels.every((level, i) => level.value === b.levels[i]?.value)
  )
}
