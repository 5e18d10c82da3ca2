import { thresholdRules } from '../../../src/instruments/results'
import type { FieldErrors } from '../../../src/lib/validation'
import { TextInput } from '../../components/text-input'

const hintOf = (name: keyof typeof thresholdRules) =>
  `At least ${thresholdRules[name].least}; ${thresholdRules[name].usual} is usual`

/** A round's two anonymity thresholds, as the round form and the import of earlier rounds ask them. */
export function AnonymityFields({
  values,
  errors,
}: {
  values: { anonymityThreshold?: string | undefined; commentThreshold?: string | undefined }
  errors: FieldErrors
}) {
  return (
    <>
      <TextInput
        name="anonymityThreshold"
        label="Fewest responses before a group’s results are shown"
        hint={hintOf('anonymityThreshold')}
        inputmode="numeric"
        width={3}
        value={values.anonymityThreshold}
        error={errors.anonymityThreshold}
      />
      <TextInput
        name="commentThreshold"
        label="Fewest responses before comments are shown"
        hint={hintOf('commentThreshold')}
        inputmode="numeric"
        width={3}
        value={values.commentThreshold}
        error={errors.commentThreshold}
      />
    </>
  )
}
