import type { QuestionnaireItem } from 'fhir/r4'
import {
  type InstrumentDefinition,
  instrumentSchema,
  type Perspective,
  perspectives,
  type UnscoredItem,
} from '../definition'
import { codingOf, extensions, extensionsOf, partOf, slugSystem } from './canonical'
import { codedDomains, describeIssue, type Level, readOptions, unscorable } from './items'
import { isRecord, readable } from './readable'

export type ImportResult =
  | {
      ok: true
      definition: InstrumentDefinition
      /** Whether the file gave the product's own order of its version, or it is to be chosen. */
      orderGiven: boolean
    }
  | { ok: false; problems: string[] }

const slugify = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')

/**
 * A FHIR R4 Questionnaire as a draft instrument: flat or in groups (each group a domain; a flat
 * Questionnaire is one domain, or its questions' shared codes give its domains), any linkId FHIR allows, every code kept. Items the product cannot
 * score are kept as they are and named with the reason; every problem is listed at once, and then
 * there is no definition at all.
 */
export function fromQuestionnaire(
  input: unknown,
  fallbackPerspective: Perspective = 'staff',
  /** Names an instrument may not take here (the built-in ones), refused with the file's other problems. */
  reservedSlugs: ReadonlySet<string> = new Set(),
): ImportResult {
  if (!isRecord(input) || input.resourceType !== 'Questionnaire') {
    return {
      ok: false,
      problems: ['The file is not a FHIR Questionnaire (resourceType must be "Questionnaire")'],
    }
  }
  const problems: string[] = []
  const problem = (message: string) => {
    if (!problems.includes(message)) problems.push(message)
  }
  const { questionnaire: q, problems: wrongTypes } = readable(input)
  for (const message of wrongTypes) problem(message)

  const slug = slugify(
    q.identifier?.find((i) => i.system === slugSystem)?.value ?? q.name ?? q.title ?? '',
  )
  if (!slug) problem('The Questionnaire has no name or title to name the instrument by')
  else if (reservedSlugs.has(slug))
    problem(
      `The name ${slug} belongs to a built-in instrument; give the Questionnaire another name`,
    )
  if (!q.url) problem('Questionnaire.url is missing: an instrument needs a canonical url')
  const given = q.version === undefined ? '1' : String(q.version).trim()
  const whole = /^[1-9]\d{0,8}$/.test(given)
  const order = extensionsOf(q, extensions.versionOrder)[0]?.valueInteger
  if (!given) problem('Questionnaire.version is empty')

  const declared = extensionsOf(q, extensions.perspective)
    .map((e) => e.valueCode)
    .filter((p): p is Perspective => perspectives.includes(p as Perspective))
  const scaleTitles = new Map(
    extensionsOf(q, extensions.scale).map((e) => [
      partOf(e, 'id')?.valueCode ?? '',
      partOf(e, 'title')?.valueString ?? '',
    ]),
  )
  const scales = new Map<string, Level[]>()
  const domains: InstrumentDefinition['domains'] = []
  const items: InstrumentDefinition['items'] = []
  const unscored: UnscoredItem[] = []
  const perspectivesUsed = new Set<Perspective>(declared)
  const linkIds = new Set<string>()

  const scaleFor = (levels: Level[], declaredId: string | undefined, where: string) => {
    const keyOf = (l: readonly Level[]) =>
      JSON.stringify(l.map((x) => [x.value, x.label, x.coding?.system, x.coding?.code]))
    const id =
      declaredId ??
      [...scales.entries()].find(([, l]) => keyOf(l) === keyOf(levels))?.[0] ??
      `SCALE${scales.size + 1}`
    const existing = scales.get(id)
    if (
      existing &&
      JSON.stringify(existing.map((l) => l.value)) !== JSON.stringify(levels.map((l) => l.value))
    )
      problem(`${where}: scale ${id} has different scores from another question on it`)
    if (!existing) scales.set(id, levels)
    return id
  }

  const keep = (
    item: QuestionnaireItem,
    domain: string | null,
    after: string | null,
    reason: string,
  ) => {
    unscored.push({
      linkId: item.linkId,
      text: item.text ?? null,
      reason,
      domain,
      after,
      item: structuredClone(item) as unknown as Record<string, unknown>,
    })
  }

  const readQuestion = (item: QuestionnaireItem, domain: string, where: string) => {
    const options = readOptions(item)
    if (options.unscored.length > 0 && options.levels.length > 0)
      problem(
        `${where}: option${options.unscored.length > 1 ? 's' : ''} ${options.unscored.map((l) => `"${l}"`).join(', ')} carr${options.unscored.length > 1 ? 'y' : 'ies'} no score while the others do; give each an ordinalValue extension`,
      )
    const before = problems.length
    if (new Set(options.levels.map((l) => l.value)).size !== options.levels.length)
      problem(`${where}: two options have the same score`)
    if (options.levels.length === 1) problem(`${where}: needs at least two scored options`)
    if (problems.length > before) return
    const scale = scaleFor(
      options.levels,
      extensionsOf(item, extensions.itemScale)[0]?.valueCode,
      where,
    )
    const wording: Partial<Record<Perspective, string>> = {}
    for (const e of extensionsOf(item, extensions.perspectiveText)) {
      const perspective = partOf(e, 'perspective')?.valueCode as Perspective
      const words = partOf(e, 'text')?.valueString
      if (perspectives.includes(perspective) && words) wording[perspective] = words
    }
    if (Object.keys(wording).length === 0 && item.text)
      wording[declared[0] ?? fallbackPerspective] = item.text
    for (const p of Object.keys(wording)) perspectivesUsed.add(p as Perspective)
    const help = (item.item ?? []).find((child) => child.type === 'display')?.text
    items.push({
      linkId: item.linkId,
      domain,
      scale,
      text: wording,
      allowNA: options.allowNA,
      allowDK: options.allowDK,
      ...(help ? { help } : {}),
      ...(item.code?.length ? { code: item.code.map(codingOf) } : {}),
    })
  }

  /** The items of one list (the Questionnaire's, or a group's), each scored or kept unscored. */
  const readList = (
    list: readonly (QuestionnaireItem | undefined)[],
    domain: string | null,
    where: string,
  ) => {
    let after: string | null = null
    for (const [i, item] of list.entries()) {
      if (!item) continue
      const at = `${where}${i + 1}`
      if (!item.linkId) {
        problem(`item ${at} has no linkId`)
        continue
      }
      if (linkIds.has(item.linkId)) problem(`item ${at}: linkId "${item.linkId}" is used twice`)
      linkIds.add(item.linkId)
      const named = `item ${at} (linkId ${item.linkId})`
      if (item.type === 'group') {
        if (domain !== null || !readGroup(item, at))
          keep(
            item,
            domain,
            after,
            domain !== null
              ? 'a group inside a group: the product scores one level of groups'
              : 'no question in the group can be scored',
          )
      } else if (item.type === 'display') {
        keep(item, domain, after, 'text for the reader, not a question')
      } else {
        const reason = unscorable(item, readOptions(item))
        if (reason) keep(item, domain, after, reason)
        else if (domain === null) keep(item, domain, after, 'it sits outside every group')
        else readQuestion(item, domain, named)
      }
      after = item.linkId
    }
  }

  /** A top-level group as a domain, when any of its questions can be scored. */
  const readGroup = (group: QuestionnaireItem, at: string) => {
    const scorable = (group.item ?? []).some(
      (child) =>
        child &&
        child.type !== 'group' &&
        child.type !== 'display' &&
        !unscorable(child, readOptions(child)),
    )
    if (!scorable) return false
    const description = extensionsOf(group, extensions.domainDescription)[0]?.valueString
    const wording: NonNullable<InstrumentDefinition['domains'][number]['wording']> = {}
    for (const e of extensionsOf(group, extensions.domainWording)) {
      const perspective = partOf(e, 'perspective')?.valueCode as Perspective
      const title = partOf(e, 'title')?.valueString
      const about = partOf(e, 'description')?.valueString
      if (perspectives.includes(perspective) && title)
        wording[perspective] = { title, ...(about ? { description: about } : {}) }
    }
    domains.push({
      key: group.linkId,
      title: group.text ?? group.linkId,
      ...(description ? { description } : {}),
      ...(Object.keys(wording).length ? { wording } : {}),
      ...(group.code?.length ? { code: group.code.map(codingOf) } : {}),
    })
    readList(group.item ?? [], group.linkId, `${at}.`)
    return true
  }

  const top = q.item ?? []
  const flat = !top.some((item) => item?.type === 'group')
  if (flat) {
    const key = 'all'
    readList(top, key, '')
    // Items kept unscored stand at the top of a flat Questionnaire, in no domain's group.
    for (const kept of unscored) kept.domain = null
    const coded = codedDomains(items)
    if (coded) {
      for (const item of items) item.domain = coded.keyOf(item)
      domains.push(...coded.domains)
    } else domains.push({ key, title: q.title ?? q.name ?? slug ?? 'Questions' })
  } else readList(top, null, '')
  if (items.length === 0) problem('The Questionnaire has no question the product can score')

  const lineage = extensionsOf(q, extensions.lineage).map((e) => ({
    linkId: partOf(e, 'linkId')?.valueString ?? '',
    change: partOf(e, 'change')?.valueCode as 'kept',
  }))
  const definition: InstrumentDefinition = {
    url: q.url ?? '',
    slug,
    version: whole ? Number(given) : (order ?? 1),
    ...(whole ? {} : { versionLabel: given }),
    title: q.title ?? q.name ?? slug,
    description: q.description ?? q.title ?? slug,
    ...(q.copyright ? { copyright: q.copyright } : {}),
    status: 'draft',
    perspectives: perspectives.filter((p) => perspectivesUsed.has(p)),
    scales: [...scales.entries()].map(([id, levels]) => ({
      id,
      title: scaleTitles.get(id) || id,
      levels,
    })),
    domains,
    items,
    ...(flat ? { flat: true } : {}),
    ...(q.code?.length ? { code: q.code.map(codingOf) } : {}),
    ...(unscored.length ? { unscored } : {}),
    ...(q.derivedFrom?.[0] ? { derivedFrom: q.derivedFrom[0] } : {}),
    ...(lineage.length && q.derivedFrom?.[0] ? { lineage } : {}),
  }
  const parsed = instrumentSchema.safeParse(definition)
  if (!parsed.success) {
    // A url, name or question already listed as missing is not listed again as the instrument's.
    const listed = new Set([
      ...(q.url ? [] : ['url']),
      ...(slug ? [] : ['slug', 'title']),
      ...(items.length ? [] : ['perspectives', 'scales', 'items', 'domains']),
    ])
    for (const issue of parsed.error.issues)
      if (!listed.has(String(issue.path[0]))) problem(describeIssue(definition, issue))
  }
  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    definition,
    orderGiven: whole || order !== undefined,
  }
}
