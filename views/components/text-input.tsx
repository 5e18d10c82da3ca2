import { FormGroup } from './form-group'

type TextInputProps = {
  name: string
  label: string
  hint?: string
  value?: string | undefined
  error?: string | undefined
  autocomplete?: string
  labelIsPageHeading?: boolean
  type?: 'text' | 'email' | 'password'
}

export function TextInput({ value, autocomplete, type = 'text', ...group }: TextInputProps) {
  return (
    <FormGroup
      {...group}
      control={(describedBy) => (
        <input
          class={group.error ? 'nhsuk-input nhsuk-input--error' : 'nhsuk-input'}
          id={group.name}
          name={group.name}
          type={type}
          value={type === 'password' ? '' : (value ?? '')}
          spellcheck={type === 'text' ? undefined : false}
          aria-describedby={describedBy}
          autocomplete={autocomplete}
        />
      )}
    />
  )
}
