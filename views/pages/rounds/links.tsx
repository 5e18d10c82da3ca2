import { QrCode } from '../../components/qr-code'

export type CardLink = { code: string; url: string; groupName: string; perspectiveName: string }

type LinksPageProps = {
  roundId: string
  roundName: string
  /** This page's own address: the download sits under it. */
  keptPath: string
  hours: number
  links: readonly CardLink[]
}

/** Where a link's code can be typed instead: the address without the code. */
const typingAddress = (url: string) => url.replace(/\/r\/[^/]+$/, '/r')

/**
 * The links just made, one card each for printing (a QR code, the code to type, the address), with
 * a download of the same links as CSV; the person who made them can come back for a stated time.
 */
export function LinksPage({ roundId, roundName, keptPath, hours, links }: LinksPageProps) {
  return (
    <>
      <div class="app-no-print">
        <span class="nhsuk-caption-l">{roundName}</span>
        <h1>{links.length} invitation links</h1>
        <div class="nhsuk-warning-callout">
          <h2 class="nhsuk-warning-callout__label">
            <span class="nhsuk-u-visually-hidden">Important: </span>Print or download them within{' '}
            {hours} hours
          </h2>
          <p>
            Only you can come back to this page, for {hours} hours from when you made the links.
            After that the links still work, but nobody can see them again: only a fingerprint of
            each is kept. Each link can be used by one person.
          </p>
        </div>
        <a class="nhsuk-button" data-module="nhsuk-button" href={`${keptPath}/csv`} download>
          Download as CSV
        </a>
        <p>
          Use your browser’s print command to print one card a link. Each card has a QR code to scan
          with a phone camera, and a code to type at the address on the card.
        </p>
        <p>
          <a href={`/rounds/${roundId}`}>Back to the round</a>
        </p>
      </div>
      <ol class="nhsuk-list app-link-cards">
        {links.map((link) => (
          <li class="nhsuk-card app-link-card">
            <div class="nhsuk-card__content app-link-card__content">
              <QrCode text={link.url} label={`QR code for ${link.url}`} />
              <div>
                <h2 class="nhsuk-card__heading nhsuk-heading-s">
                  {roundName}: {link.groupName}
                </h2>
                <p class="nhsuk-body-s">
                  Your views as: {link.perspectiveName}. Scan the code, or go to{' '}
                  <span class="app-link-card__address">{typingAddress(link.url)}</span> and type:
                </p>
                <p class="app-link-card__code">{link.code}</p>
                <p class="nhsuk-body-s">
                  Your answers are anonymous. The code works once, for you only.
                </p>
                <p class="nhsuk-body-s app-link-card__url">{link.url}</p>
              </div>
            </div>
          </li>
        ))}
      </ol>
    </>
  )
}

/** A kept batch whose time is up, or that was made by someone else: what is true, and what to do. */
export function LinksGonePage({
  roundId,
  roundName,
  hours,
}: {
  roundId: string
  roundName: string
  hours: number
}) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <span class="nhsuk-caption-l">{roundName}</span>
        <h1>These links are no longer shown</h1>
        <p>
          Links can be seen again only by the person who made them, for {hours} hours. After that
          only a fingerprint of each link is kept, so nobody can look them up: this keeps people’s
          answers anonymous.
        </p>
        <p>
          Links already given out still work. If you need more, make new ones on the{' '}
          <a href={`/rounds/${roundId}`}>round page</a>.
        </p>
      </div>
    </div>
  )
}
