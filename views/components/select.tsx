import { FormGroup } from './form-group'

type SelectProps = {
  name: string
  label: string
  hint?: string
  options: readonly { value: string; text: string }[]
  value?: string | undefined
  error?: string | undefined
}

export function Select({ options, value, ...group }: SelectProps) {
  return (
    <FormGroup
      {...group}
      control={(describedBy) => (
        <select
          class={group.error ? 'nhsuk-select nhsuk-select--error' : 'nhsuk-select'}
          id={group.name}
          name={group.name}
          aria-describedby={describedBy}
        >
          {options.map((option) => (
            <option value={option.value} selected={option.value === (value ?? '')}>
              {option.text}
            </option>
          ))}
        </select>
      )}
    />
  )
}
