import type { Round } from '../../../src/db/queries/rounds'
import { longDate } from './labels'

function Confirm(props: {
  caption: string
  heading: string
  action: string
  button: string
  back: string
  children: unknown
}) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <span class="nhsuk-caption-l">{props.caption}</span>
        <h1>{props.heading}</h1>
        {props.children}
        <form method="post" action={props.action}>
          <div class="nhsuk-button-group">
            <button
              class="nhsuk-button nhsuk-button--warning"
              data-module="nhsuk-button"
              type="submit"
            >
              {props.button}
            </button>
            <a class="nhsuk-link" href={props.back}>
              No, go back to the round
            </a>
          </div>
        </form>
      </div>
    </div>
  )
}

/** Closing a round cannot be undone: what it does, asked before it is done. */
export function CloseRoundPage({ round, today }: { round: Round; today: string }) {
  return (
    <Confirm
      caption={round.name}
      heading="Are you sure you want to close this round?"
      action={`/rounds/${round.id}/close`}
      button="Yes, close the round"
      back={`/rounds/${round.id}`}
    >
      <p>
        {today < round.closesOn
          ? `It is due to close on ${longDate(round.closesOn)}. Closing it now ends it early.`
          : `It was due to close on ${longDate(round.closesOn)}.`}
      </p>
      <ul>
        <li>Nobody can answer after it closes, including people part way through.</li>
        <li>Its results are worked out and shown to the people who may see them.</li>
        <li>
          This cannot be undone: a closed round cannot be opened again. To give people more time, go
          back and move the closing date instead.
        </li>
      </ul>
    </Confirm>
  )
}

/** Deleting a draft: what goes with it. */
export function DeleteRoundPage({ round }: { round: Round }) {
  return (
    <Confirm
      caption={round.name}
      heading="Are you sure you want to delete this round?"
      action={`/rounds/${round.id}/delete`}
      button="Yes, delete the round"
      back={`/rounds/${round.id}`}
    >
      <p>
        The round has not opened, so nobody has answered it. Deleting it also removes any links made
        for it: they will stop working. The audit log keeps a record that it was deleted.
      </p>
    </Confirm>
  )
}
