type HomePageProps = { organisationName: string; executiveGroupName: string | null }

export function HomePage({ organisationName, executiveGroupName }: HomePageProps) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <span class="nhsuk-caption-l">Home</span>
        <h1>{organisationName}</h1>
        <p>Your organisation is set up. There is nothing for you to do yet.</p>
        {executiveGroupName && (
          <p>
            The first group to be assessed is <strong>{executiveGroupName}</strong>. Assessment
            rounds, results and the recovery strategy will appear here as they are added.
          </p>
        )}
      </div>
    </div>
  )
}
