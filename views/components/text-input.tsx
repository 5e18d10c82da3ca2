import { FormGroup } from './form-group'

type TextInputProps = {
  name: string
  label: string
  hint?: string
  value?: string | undefined
  error?: string | undefined
  autocomplete?: string
  labelIsPageHeading?: boolean
}

export function TextInput({ value, autocomplete, ...group }: TextInputProps) {
  return (
    <FormGroup
      {...group}
      control={(describedBy) => (
        <input
          class={group.error ? 'nhsuk-input nhsuk-input--error' : 'nhsuk-input'}
          id={group.name}
          name={group.name}
          type="text"
          value={value ?? ''}
          aria-describedby={describedBy}
          autocomplete={autocomplete}
        />
      )}
    />
  )
}
