import type { Questionnaire } from 'fhir/r4'
import { z } from 'zod'
import { canonicalBase, extensions, slugSystem } from './canonical'

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The types of the parts of a Questionnaire that are read (anything else is passed over). A part
 * of the wrong type is listed as a problem and left out, and the rest is read on, so that every
 * problem is listed at once.
 */
const text = z.string().optional()
const extensionShape: z.ZodType<unknown> = z.lazy(() =>
  z.looseObject({
    url: z.string(),
    valueString: text,
    valueCode: text,
    valueDecimal: z.number().optional(),
    valueInteger: z.number().int().optional(),
    valueBoolean: z.boolean().optional(),
    extension: z.array(extensionShape).optional(),
  }),
)
const extensionList = z.array(extensionShape).optional()
const codingShape = z.looseObject({
  system: text,
  version: text,
  code: text,
  display: text,
  extension: extensionList,
})
const itemShape: z.ZodType<unknown> = z.lazy(() =>
  z.looseObject({
    linkId: text,
    text,
    type: text,
    readOnly: z.boolean().optional(),
    repeats: z.boolean().optional(),
    code: z.array(codingShape).optional(),
    extension: extensionList,
    answerOption: z
      .array(
        z.looseObject({
          valueCoding: codingShape.optional(),
          valueString: text,
          valueInteger: z.number().int().optional(),
          extension: extensionList,
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
  description: text,
  copyright: text,
  derivedFrom: z.array(z.string()).optional(),
  code: z.array(codingShape).optional(),
  identifier: z.array(z.looseObject({ system: text, value: text })).optional(),
  extension: extensionList,
  item: z.array(itemShape).optional(),
})

/** Where a part is, as the Questionnaire's own paths read: item[0].answerOption[2].valueCoding. */
const pathOf = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (at, key) =>
      typeof key === 'number' ? `${at}[${key}]` : `${at}${at ? '.' : ''}${String(key)}`,
    'Questionnaire',
  )

const removed = Symbol('removed')

/** A copy without its removed parts: a removed entry of a list leaves no gap in the list. */
function compacted(node: unknown): unknown {
  if (Array.isArray(node)) return node.filter((n) => n !== removed).map(compacted)
  if (!isRecord(node)) return node
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, compacted(value)]))
}

/** A copy of the file without the parts of the wrong type, so that the rest can be read. */
function withoutParts(input: Record<string, unknown>, paths: readonly (readonly PropertyKey[])[]) {
  const copy = structuredClone(input)
  for (const path of paths) {
    let parent: unknown = copy
    for (const key of path.slice(0, -1)) parent = (parent as Record<PropertyKey, unknown>)?.[key]
    const last = path.at(-1)
    if (last === undefined || typeof parent !== 'object' || parent === null) continue
    if (Array.isArray(parent)) parent[last as number] = removed
    else delete (parent as Record<PropertyKey, unknown>)[last]
  }
  return compacted(copy) as Record<string, unknown>
}

/** The extension URLs earlier versions of the product wrote, read as today's. */
const earlierExtension = 'urn:recovery-culture:fhir:extension:'
export const earlierScaleSystem = 'urn:recovery-culture:scale:'
const earlierSlugSystem = 'urn:recovery-culture:instrument'

function asToday(node: unknown, onItem = false): unknown {
  if (Array.isArray(node)) return node.map((n) => asToday(n, onItem))
  if (!isRecord(node)) return node
  const out: Record<string, unknown> = {}
  const isItem = typeof node.linkId === 'string'
  for (const [key, value] of Object.entries(node)) {
    if (key === 'extension' && Array.isArray(value)) {
      out[key] = value.map((e) => {
        if (!isRecord(e) || typeof e.url !== 'string' || !e.url.startsWith(earlierExtension))
          return asToday(e)
        const name = e.url.slice(earlierExtension.length)
        const url =
          name === 'scale' && isItem && typeof e.valueCode === 'string'
            ? extensions.itemScale
            : `${canonicalBase}/StructureDefinition/${name}`
        return { ...e, url }
      })
    } else if (key === 'system' && value === earlierSlugSystem) out[key] = slugSystem
    else out[key] = asToday(value, isItem || onItem)
  }
  return out
}

/**
 * What of a file can be read as a Questionnaire: the parts of the wrong type left out, each named
 * as a problem, and the extension URLs of earlier versions of the product read as today's.
 */
export function readable(input: Record<string, unknown>) {
  const shape = questionnaireShape.safeParse(input)
  if (shape.success) return { questionnaire: asToday(input) as Questionnaire, problems: [] }
  const { issues } = shape.error
  return {
    questionnaire: asToday(
      withoutParts(
        input,
        issues.map((issue) => issue.path),
      ),
    ) as Questionnaire,
    problems: issues.map(
      (issue) => `${pathOf(issue.path)} has the wrong type of value: ${issue.message}`,
    ),
  }
}
