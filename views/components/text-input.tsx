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
  inputmode?: 'decimal' | 'numeric'
  width?: 2 | 3 | 4 | 5 | 10
}

export function TextInput({
  value,
  autocomplete,
  type = 'text',
  width,
  inputmode,
  ...group
}: TextInputProps) {
  return (
    <FormGroup
      {...group}
      control={(describedBy) => (
        <input
          class={[
            'nhsuk-input',
            width ? `nhsuk-input--width-${width}` : '',
            group.error ? 'nhsuk-input--error' : '',
          ]
            .filter(Boolean)
            .join(' ')}
          id={group.name}
          name={group.name}
          type={type}
          value={type === 'password' ? '' : (value ?? '')}
          spellcheck={type === 'text' ? undefined : false}
          inputmode={inputmode}
          aria-describedby={describedBy}
          autocomplete={autocomplete}
        />
      )}
    />
  )
}
