type ActionButtonProps = { action: string; label: string; secondary?: boolean }

/** A button that posts to one action, as a form of its own (a state change is never a link). */
export function ActionButton({ action, label, secondary }: ActionButtonProps) {
  return (
    <form method="post" action={action} class="nhsuk-u-display-inline-block nhsuk-u-margin-right-3">
      <button
        class={secondary ? 'nhsuk-button nhsuk-button--secondary' : 'nhsuk-button'}
        data-module="nhsuk-button"
        type="submit"
      >
        {label}
      </button>
    </form>
  )
}
