import type { NewInvitation } from '../../../src/db/queries/invitations'

type LinksPageProps = {
  roundId: string
  roundName: string
  origin: string
  links: readonly (NewInvitation & { groupName: string; perspectiveName: string })[]
}

/** The links just made, one card each for printing, with a download of the same links as CSV. */
export function LinksPage({ roundId, roundName, origin, links }: LinksPageProps) {
  return (
    <>
      <div class="app-no-print">
        <span class="nhsuk-caption-l">{roundName}</span>
        <h1>{links.length} invitation links</h1>
        <div class="nhsuk-warning-callout">
          <h2 class="nhsuk-warning-callout__label">
            <span class="nhsuk-u-visually-hidden">Important: </span>Print or download them now
          </h2>
          <p>These links are shown only once. Each one can be used by one person.</p>
        </div>
        <form
          method="post"
          action={`/rounds/${roundId}/invitations/csv`}
          class="nhsuk-u-margin-bottom-5"
        >
          {links.map((link) => (
            <input type="hidden" name="token" value={link.token} />
          ))}
          <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
            Download as CSV
          </button>
        </form>
        <p>Use your browser’s print command to print one link a card.</p>
        <p>
          <a href={`/rounds/${roundId}`}>Back to the round</a>
        </p>
      </div>
      <ol class="nhsuk-list app-link-cards">
        {links.map((link) => (
          <li class="nhsuk-card app-link-card">
            <div class="nhsuk-card__content">
              <h2 class="nhsuk-card__heading nhsuk-heading-s">
                {roundName}: {link.groupName}
              </h2>
              <p class="nhsuk-body-s">
                Your views as: {link.perspectiveName}. Open this link to answer anonymously. It
                works once, for you only.
              </p>
              <p class="app-link-card__url">{`${origin}/r/${link.token}`}</p>
            </div>
          </li>
        ))}
      </ol>
    </>
  )
}
