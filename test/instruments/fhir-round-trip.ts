import type { Questionnaire } from 'fhir/r4'
import { parseInstrument } from '../../src/instruments/definition'
import { fromQuestionnaire } from '../../src/instruments/fhir/import'
import { toQuestionnaire } from '../../src/instruments/fhir/questionnaire'

/** A Questionnaire read as the product imports it (as plain JSON), failing with every problem. */
export function imported(questionnaire: unknown) {
  const result = fromQuestionnaire(JSON.parse(JSON.stringify(questionnaire)))
  if (!result.ok) throw new Error(result.problems.join('\n'))
  return result
}

/** A Questionnaire imported and written back out, keeping its status. */
export const roundTrip = (questionnaire: Questionnaire) =>
  toQuestionnaire(
    parseInstrument({ ...imported(questionnaire).definition, status: questionnaire.status }),
  )
