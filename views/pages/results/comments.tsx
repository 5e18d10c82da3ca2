import type { Comment } from '../../../src/db/queries/comments'

type CommentsProps = {
  teamId: string
  round: { id: string; mode: string; commentThreshold: number }
  /** Null when too few responded for comments to show. */
  comments: readonly Comment[] | null
  wording: (linkId: string) => string
  canHide: boolean
}

/**
 * People's comments, in a random order, each with its question only: never beside the same
 * person's other answers. Shown only when enough people responded; never in the board report.
 */
export function Comments({ teamId, round, comments, wording, canHide }: CommentsProps) {
  if (round.mode !== 'individual') return null
  return (
    <section aria-labelledby="comments">
      <h2 id="comments">Comments</h2>
      {comments === null ? (
        <p>
          Comments are shown only when at least {round.commentThreshold} people responded, so that
          nobody can be recognised by what they wrote.
        </p>
      ) : comments.length === 0 ? (
        <p>Nobody left a comment.</p>
      ) : (
        <>
          <p>In a random order, each with the question it was left on.</p>
          <ul class="nhsuk-list app-comments">
            {comments.map((comment) => (
              <li class="nhsuk-u-margin-bottom-4">
                <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">On “{wording(comment.linkId)}”</p>
                <blockquote class="nhsuk-u-margin-0">
                  <p>
                    {comment.hidden ? <em>Hidden from results: {comment.text}</em> : comment.text}
                  </p>
                </blockquote>
                {canHide && !comment.hidden && (
                  <form
                    method="post"
                    action={`/results/teams/${teamId}/comments/hide?round=${round.id}`}
                  >
                    <input type="hidden" name="key" value={comment.key} />
                    <button
                      class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                      data-module="nhsuk-button"
                      type="submit"
                    >
                      Hide this comment: it identifies someone
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
