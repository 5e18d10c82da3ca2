import { FormGroup } from './form-group'

type TextareaProps = {
  name: string
  label: string
  hint?: string
  value?: string | undefined
  error?: string | undefined
  rows?: number
}

export function Textarea({ value, rows = 3, ...group }: TextareaProps) {
  return (
    <FormGroup
      {...group}
      control={(describedBy) => (
        <textarea
          class={group.error ? 'nhsuk-textarea nhsuk-textarea--error' : 'nhsuk-textarea'}
          id={group.name}
          name={group.name}
          rows={rows}
          aria-describedby={describedBy}
        >
          {value ?? ''}
        </textarea>
      )}
    />
  )
}
