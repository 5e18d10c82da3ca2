import {
  type Domain,
  type Instrument,
  type Item,
  type Perspective,
  type Scale,
  scaleOf,
  scaleRange,
} from './definition'
import { type Summary, summarise } from './statistics'

/** A stored answer: a level's value, not applicable, or don't know. */
export type AnswerValue = number | 'NA' | 'DK'
export type Answers = Readonly<Record<string, AnswerValue | undefined>>

/** Rule 1 (docs/rules.md): the numeric rating; NA, DK and unanswered are null, never 0. */
export function itemValue(answer: AnswerValue | undefined): number | null {
  return typeof answer === 'number' && Number.isFinite(answer) ? answer : null
}

/** Rule 2: a value on its scale, as 0–100: (x − min) / (max − min) × 100. */
export function normalise(value: number, scale: Scale): number {
  const { min, max } = scaleRange(scale)
  return ((value - min) / (max - min)) * 100
}

export function normalisedAnswer(
  instrument: Instrument,
  item: Item,
  answer: AnswerValue | undefined,
) {
  const value = itemValue(answer)
  return value === null ? null : normalise(value, scaleOf(instrument, item))
}

/** The items a respondent of this perspective is asked (all of them, when none is named). */
export function itemsFor(instrument: Instrument, perspective?: Perspective): Item[] {
  if (!perspective) return instrument.items
  return instrument.items.filter((item) => item.text[perspective] !== undefined)
}

export type DomainScore = {
  domain: string
  /** 0–100, or null when too few items are valid ("insufficient"). */
  score: number | null
  valid: number
  items: number
}

/** Rule 3: the mean of valid items, when at least half the domain's items (and one) are valid. */
export function respondentDomainScores(
  instrument: Instrument,
  answers: Answers,
  perspective?: Perspective,
): DomainScore[] {
  const items = itemsFor(instrument, perspective)
  return instrument.domains.map((domain: Domain) => {
    const inDomain = items.filter((item) => item.domain === domain.key)
    const values = inDomain
      .map((item) => normalisedAnswer(instrument, item, answers[item.linkId]))
      .filter((v): v is number => v !== null)
    const scorable = values.length >= 1 && values.length * 2 >= inDomain.length
    return {
      domain: domain.key,
      score: scorable ? values.reduce((s, v) => s + v, 0) / values.length : null,
      valid: values.length,
      items: inDomain.length,
    }
  })
}

/** How many of the domains must be scorable for a total: 8 of 10, and the same share of others. */
export function domainsNeededForTotal(domainCount: number): number {
  return Math.ceil(domainCount * 0.8)
}

export type RespondentScore = {
  domains: DomainScore[]
  /** Rule 4: the mean of the domain scores (each domain weighs the same), or null. */
  total: number | null
  domainsScored: number
  /** Coverage: items with a rating, of the items that apply (all but those answered NA). */
  answered: number
  applicable: number
}

export function scoreRespondent(
  instrument: Instrument,
  answers: Answers,
  perspective?: Perspective,
): RespondentScore {
  const domains = respondentDomainScores(instrument, answers, perspective)
  const scores = domains.map((d) => d.score).filter((s): s is number => s !== null)
  const items = itemsFor(instrument, perspective)
  const total =
    scores.length >= domainsNeededForTotal(instrument.domains.length)
      ? scores.reduce((s, v) => s + v, 0) / scores.length
      : null
  return {
    domains,
    total,
    domainsScored: scores.length,
    answered: items.filter((item) => itemValue(answers[item.linkId]) !== null).length,
    applicable: items.filter((item) => answers[item.linkId] !== 'NA').length,
  }
}

export type ItemAggregate = Summary & {
  linkId: string
  domain: string
  respondents: number
  naRate: number
  dkRate: number
}
export type DomainAggregate = Summary & { domain: string }
export type GroupAggregate = {
  respondents: number
  items: ItemAggregate[]
  domains: DomainAggregate[]
  /** The mean of respondent totals. */
  total: Summary
}

/** Rule 5: per item and per domain n, mean and sd on 0–100, NA and DK rates per item. */
export function aggregateGroup(
  instrument: Instrument,
  responses: readonly Answers[],
  perspective?: Perspective,
): GroupAggregate {
  const respondents = responses.length
  const rate = (count: number) => (respondents === 0 ? 0 : count / respondents)
  const items = itemsFor(instrument, perspective).map((item) => {
    const values = responses
      .map((answers) => normalisedAnswer(instrument, item, answers[item.linkId]))
      .filter((v): v is number => v !== null)
    return {
      linkId: item.linkId,
      domain: item.domain,
      respondents,
      naRate: rate(responses.filter((answers) => answers[item.linkId] === 'NA').length),
      dkRate: rate(responses.filter((answers) => answers[item.linkId] === 'DK').length),
      ...summarise(values),
    }
  })
  const scored = responses.map((answers) => scoreRespondent(instrument, answers, perspective))
  const domains = instrument.domains.map((domain) => ({
    domain: domain.key,
    ...summarise(
      scored
        .map((s) => s.domains.find((d) => d.domain === domain.key)?.score ?? null)
        .filter((v): v is number => v !== null),
    ),
  }))
  const total = summarise(scored.map((s) => s.total).filter((v): v is number => v !== null))
  return { respondents, items, domains, total }
}
