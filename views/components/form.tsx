import type { Child } from 'hono/jsx'
import type { FieldErrors } from '../../src/lib/validation'
import { ErrorSummary } from './error-summary'

type FormProps = {
  id: string
  action: string
  errors: FieldErrors
  submit: string
  children: Child
}

/**
 * A form that posts as a plain browser form and, with JavaScript, through htmx, which swaps the
 * re-rendered form (errors and all) in place of this one.
 */
export function Form({ id, action, errors, submit, children }: FormProps) {
  return (
    <form
      id={id}
      method="post"
      action={action}
      hx-post={action}
      hx-target="this"
      hx-swap="outerHTML"
      novalidate
    >
      <ErrorSummary errors={errors} />
      {children}
      <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
        {submit}
      </button>
    </form>
  )
}
