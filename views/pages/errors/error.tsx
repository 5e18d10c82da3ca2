export type ErrorPageProps = { heading: string; message: string }

export function ErrorPage({ heading, message }: ErrorPageProps) {
  return (
    <div class="nhsuk-grid-row" id="error-page">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>{heading}</h1>
        <p>{message}</p>
        <p>
          <a href="/">Go to the home page</a>
        </p>
      </div>
    </div>
  )
}
