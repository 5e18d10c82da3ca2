import type { Coding, Extension, QuestionnaireItem } from 'fhir/r4'
import type { z } from 'zod'
import type { InstrumentDefinition } from '../definition'
import {
  canonicalBase,
  codingOf,
  dontKnow,
  extensions,
  extensionsOf,
  notApplicable,
  standard,
} from './canonical'
import { earlierScaleSystem } from './readable'

/** How a Questionnaire's questions are read: their options and scores, and domains from codes. */

export type Level = NonNullable<InstrumentDefinition['scales'][number]['levels']>[number]

const scoreOf = (extension: readonly Extension[] | undefined) => {
  const found = (extension ?? []).find(
    (e) => e.url === standard.ordinalValue || e.url === standard.itemWeight,
  )
  return found?.valueDecimal ?? found?.valueInteger
}

export const isOwnScaleCoding = (coding: Coding | undefined) =>
  coding?.system?.startsWith(`${canonicalBase}/CodeSystem/scale-`) ||
  coding?.system?.startsWith(earlierScaleSystem)

/** Why a question cannot be scored, or null when it can. */
export function unscorable(item: QuestionnaireItem, options: ReturnType<typeof readOptions>) {
  if (extensionsOf(item, standard.calculatedExpression).length > 0 || item.readOnly)
    return 'worked out by the form from other answers, not answered by anyone'
  if (item.type !== 'choice' && item.type !== 'open-choice' && (item.type as string) !== 'coding')
    return `a ${item.type ?? 'untyped'} question: only questions answered by choosing one of scored options are scored`
  if (item.answerValueSet)
    return 'its options come from a value set, which the product does not read'
  if (item.enableWhen?.length) return 'asked only when an earlier answer allows it'
  if (item.repeats) return 'it takes several answers at once'
  if ((item.item ?? []).some((child) => child.type !== 'display'))
    return 'it has questions nested under it'
  if (options.levels.length === 0) return 'its options carry no scores'
  return null
}

export function readOptions(item: QuestionnaireItem) {
  const levels: Level[] = []
  const unscored: string[] = []
  let allowNA = false
  let allowDK = false
  for (const option of item.answerOption ?? []) {
    if (!option) continue
    const coding = option.valueCoding
    const label = (
      coding?.display ??
      coding?.code ??
      option.valueString ??
      String(option.valueInteger ?? '')
    ).trim()
    const score = scoreOf(option.extension) ?? scoreOf(coding?.extension)
    if (score !== undefined) {
      const descriptor = extensionsOf(option, extensions.levelDescriptor)[0]?.valueString
      // A code of the level's own (LOINC's answer codes, say) is kept; its display is the label.
      const { display: _, ...kept } = coding && !isOwnScaleCoding(coding) ? codingOf(coding) : {}
      levels.push({
        value: score,
        label,
        ...(descriptor ? { descriptor } : {}),
        ...(kept.code ? { coding: kept } : {}),
      })
    } else if (coding?.code === notApplicable || coding?.code === 'NA') allowNA = true
    else if (coding?.code === dontKnow || coding?.code === 'unknown' || coding?.code === 'DK')
      allowDK = true
    else unscored.push(label)
  }
  levels.sort((a, b) => a.value - b.value)
  return { levels, allowNA, allowDK, unscored }
}

/**
 * A flat Questionnaire's domains, where its questions' codes give them: a code system in which
 * every scored question has exactly one code, some questions sharing one (a subscale). Codes that
 * each name one question, as LOINC's question codes do, give no domains.
 */
export function codedDomains(items: InstrumentDefinition['items']) {
  const systems = new Set(items.flatMap((i) => (i.code ?? []).map((c) => c.system)))
  for (const system of systems) {
    if (!system) continue
    const codes = items.map((i) => (i.code ?? []).filter((c) => c.system === system))
    if (codes.some((c) => c.length !== 1 || !c[0]?.code)) continue
    const distinct = new Map(codes.map(([c]) => [c?.code ?? '', c]))
    if (distinct.size < 2 || distinct.size === items.length) continue
    return {
      domains: [...distinct].map(([code, coding]) => ({
        key: code,
        title: coding?.display ?? code,
      })),
      keyOf: (item: InstrumentDefinition['items'][number]) =>
        item.code?.find((c) => c.system === system)?.code ?? '',
    }
  }
  return null
}

/** A problem the instrument rules found, named by the question or part it is in. */
export function describeIssue(definition: InstrumentDefinition, issue: z.core.$ZodIssue) {
  const [part, index, field] = issue.path
  if (part === 'items' && typeof index === 'number') {
    const item = definition.items[index]
    return `Question ${item?.linkId ?? index + 1}${field ? ` (${String(field)})` : ''}: ${issue.message}`
  }
  if (part === 'domains' && typeof index === 'number') {
    const domain = definition.domains[index]
    return `Group ${domain?.key ?? index + 1}: ${issue.message}`
  }
  return `${issue.path.join('.') || 'Questionnaire'}: ${issue.message}`
}
