import type { Child } from 'hono/jsx'

/** An operator's form page: back to the list, the heading, what it makes, and the form. */
export function OperatorFormPage({
  heading,
  intro,
  children,
}: {
  heading: string
  intro: string
  children: Child
}) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <a class="nhsuk-back-link" href="/operator">
          Back to organisations
        </a>
        <h1>{heading}</h1>
        <p>{intro}</p>
        {children}
      </div>
    </div>
  )
}
