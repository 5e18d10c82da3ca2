import type {
  Bundle,
  Extension,
  MeasureReport,
  MeasureReportGroup,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from 'fhir/r4'
import type { Instrument } from '../definition'
import { type Figure, type GroupResults, type SliceFigures, totalMeasure } from '../results'
import { extensions, measureOf, measureSystem, perspectiveSystem, standard } from './canonical'
import { answerCoding, canonicalOf, wordingOf } from './questionnaire'

export type RecordedResponse = {
  /** The record's own id (a UUID): the resource's id and, as urn:uuid, its fullUrl. */
  id: string
  groupName: string
  completedOn: string | null
  answers: readonly {
    linkId: string
    value: number | 'NA' | 'DK' | null
    comment: string | null
    dissent: string | null
  }[]
}

const entryOf = <T extends { id?: string }>(resource: T) => ({
  fullUrl: `urn:uuid:${resource.id}`,
  resource,
})

/** A UUID that the same parts always give (version 8, from their SHA-256). */
async function uuidOf(...parts: string[]) {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('|'))),
  ).slice(0, 16)
  digest[6] = ((digest[6] ?? 0) & 0x0f) | 0x80
  digest[8] = ((digest[8] ?? 0) & 0x3f) | 0x80
  const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A closed round, as its exports name and date it. */
export type ExportedRound = {
  id: string
  opensOn: string
  closesOn: string
  closedAt: string | null
  anonymityThreshold: number
}

/** When the round closed, as an instant. */
const closedOn = (round: ExportedRound) =>
  round.closedAt?.includes('T') ? round.closedAt : `${round.closesOn}T23:59:59Z`

/**
 * A consensus record as a QuestionnaireResponse citing its Questionnaire as url|version, its
 * answers nested as the Questionnaire nests its questions (in their domain's group, unless the
 * instrument is flat), each with the evidence and dissent the group recorded in extensions.
 */
function responseOf(instrument: Instrument, record: RecordedResponse): QuestionnaireResponse {
  const given = new Map(record.answers.map((a) => [a.linkId, a]))
  const answered = (domain: string | null): QuestionnaireResponseItem[] =>
    instrument.items.flatMap((item) => {
      const answer = given.get(item.linkId)
      if ((domain !== null && item.domain !== domain) || !answer || answer.value === null) return []
      const notes: Extension[] = [
        ...(answer.comment ? [{ url: extensions.evidence, valueString: answer.comment }] : []),
        ...(answer.dissent ? [{ url: extensions.dissent, valueString: answer.dissent }] : []),
      ]
      return [
        {
          linkId: item.linkId,
          ...(notes.length ? { extension: notes } : {}),
          text: wordingOf(instrument, item),
          answer: [{ valueCoding: answerCoding(instrument, item, answer.value) }],
        },
      ]
    })
  const items = instrument.flat
    ? answered(null)
    : instrument.domains.flatMap((domain) => {
        const inside = answered(domain.key)
        return inside.length ? [{ linkId: domain.key, text: domain.title, item: inside }] : []
      })
  return {
    resourceType: 'QuestionnaireResponse',
    id: record.id,
    questionnaire: canonicalOf(instrument),
    status: 'completed',
    ...(record.completedOn ? { authored: record.completedOn } : {}),
    subject: { display: record.groupName },
    item: items,
  }
}

/** A round's completed consensus records as a FHIR R4 Bundle of QuestionnaireResponses. */
export function toResponseBundle(
  instrument: Instrument,
  round: ExportedRound,
  records: readonly RecordedResponse[],
): Bundle {
  return {
    resourceType: 'Bundle',
    id: round.id,
    type: 'collection',
    timestamp: closedOn(round),
    entry: records.map((record) => entryOf(responseOf(instrument, record))),
  }
}

export type ReportedGroup = { id: string; name: string; results: GroupResults }

/** A figure withheld under rule 6 (docs/rules.md): FHIR's data-absent-reason "masked", with the rule in words. */
const masked = (k: number) => ({
  extension: [{ url: standard.dataAbsentReason, valueCode: 'masked' }],
  unit: `not shown: fewer than ${k} people`,
})

const scoreOf = (figure: Figure | null, k: number) =>
  figure
    ? {
        measureScore: { value: Math.round(figure.mean * 10) / 10, unit: 'points of 100' },
        population: [
          {
            code: {
              coding: [{ system: standard.measurePopulation, code: 'measure-population' }],
            },
            count: figure.n,
          },
        ],
      }
    : { measureScore: masked(k) }

/**
 * What a MeasureReport group reports: the total, each domain and each question of a slice, on
 * 0–100, with how many people are behind it; below the threshold, masked with no count.
 */
function measures(instrument: Instrument, slice: SliceFigures) {
  const items = new Map(slice.items.map((i) => [i.linkId, i.figure]))
  return [
    { code: totalMeasure, display: 'Total', figure: slice.total },
    ...instrument.domains.map((d) => ({
      code: `domain:${d.key}`,
      display: d.title,
      figure: slice.domains[d.key] ?? null,
    })),
    ...instrument.items.map((i) => ({
      code: `question:${i.linkId}`,
      display: wordingOf(instrument, i),
      figure: items.get(i.linkId) ?? null,
    })),
  ]
}

/**
 * An individual round's results as FHIR R4 MeasureReports, one a group: never a response, only
 * the figures its pages show, each under the same rule (a figure from fewer than the round's
 * threshold of people is masked), everyone together and each perspective as a stratum.
 */
export async function toMeasureReportBundle(
  instrument: Instrument,
  round: ExportedRound,
  groups: readonly ReportedGroup[],
): Promise<Bundle> {
  const k = round.anonymityThreshold
  const ids = await Promise.all(groups.map((group) => uuidOf(round.id, group.id)))
  const reports = groups.map((group, i): MeasureReport => {
    const strata = Object.entries(group.results.perspectives)
    const byPerspective = strata.map(([perspective, slice]) => ({
      perspective,
      figures: new Map(measures(instrument, slice).map((m) => [m.code, m.figure])),
    }))
    const reported: MeasureReportGroup[] = measures(instrument, group.results.all).map((m) => ({
      code: {
        coding: [{ system: measureSystem, code: m.code, display: m.display }],
        text: m.display,
      },
      ...scoreOf(m.figure, k),
      ...(byPerspective.length
        ? {
            stratifier: [
              {
                code: [
                  {
                    coding: [{ system: perspectiveSystem, code: 'perspective' }],
                    text: 'Perspective',
                  },
                ],
                stratum: byPerspective.map(({ perspective, figures }) => ({
                  value: {
                    coding: [{ system: perspectiveSystem, code: perspective }],
                    text: perspective,
                  },
                  ...scoreOf(figures.get(m.code) ?? null, k),
                })),
              },
            ],
          }
        : {}),
    }))
    return {
      resourceType: 'MeasureReport',
      id: ids[i],
      status: 'complete',
      type: 'summary',
      measure: `${measureOf(instrument.slug)}|${instrument.version}`,
      subject: { display: group.name },
      date: closedOn(round),
      period: { start: round.opensOn, end: round.closesOn },
      improvementNotation: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation',
            code: 'increase',
          },
        ],
      },
      group: reported,
    }
  })
  return {
    resourceType: 'Bundle',
    id: round.id,
    type: 'collection',
    timestamp: closedOn(round),
    entry: reports.map(entryOf),
  }
}
