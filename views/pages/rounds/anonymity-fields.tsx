import type { FieldErrors } from '../../../src/lib/validation'
import { TextInput } from '../../components/text-input'

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
        hint="At least 3; 5 is usual"
        inputmode="numeric"
        width={3}
        value={values.anonymityThreshold}
        error={errors.anonymityThreshold}
      />
      <TextInput
        name="commentThreshold"
        label="Fewest responses before comments are shown"
        hint="At least 5; 10 is usual"
        inputmode="numeric"
        width={3}
        value={values.commentThreshold}
        error={errors.commentThreshold}
      />
    </>
  )
}
