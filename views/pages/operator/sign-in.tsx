/** The page a sign-in link opens: the link is spent only by pressing the button, not by opening it. */
export function OperatorSignInPage({ action, usable }: { action: string; usable: boolean }) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        {usable ? (
          <>
            <h1>Sign in as the service’s operator</h1>
            <p>This link works once. It signs you in to add, suspend and restore organisations.</p>
            <form method="post" action={action}>
              <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
                Sign in
              </button>
            </form>
          </>
        ) : (
          <>
            <h1>This sign-in link cannot be used</h1>
            <p>
              It has been used already, or is out of date, or was made for another operator. Make a
              new one on the server with the command npm run operator:link.
            </p>
          </>
        )}
      </div>
    </div>
  )
}
