import type { ChoiceOption } from '../../../src/instruments/answer-form'
import { fieldNames, itemKey, maxCommentLength } from '../../../src/instruments/answer-form'
import { wholeNumber } from '../../../src/instruments/numbers'

/** The comment limit as the hint writes it, written once rather than for every question. */
const commentLimit = wholeNumber(maxCommentLength)

export type QuestionProps = {
  linkId: string
  number: number
  text: string
  help?: string | undefined
  choices: readonly ChoiceOption[]
  /** The answer's form value ('3', 'NA', 'DK'), the comment and dissent as last saved or typed. */
  values: {
    answer?: string | undefined
    comment?: string | undefined
    dissent?: string | undefined
  }
  errors: Record<string, string>
  consensus: boolean
  /** Where a change to this item is saved through htmx. */
  saveUrl: string
}

function ErrorMessage({ id, message }: { id: string; message?: string | undefined }) {
  if (!message) return null
  return (
    <span class="nhsuk-error-message" id={id}>
      <span class="nhsuk-u-visually-hidden">Error:</span> {message}
    </span>
  )
}

function LongText(props: {
  name: string
  label: string
  value?: string | undefined
  error?: string | undefined
}) {
  const errorId = `${props.name}-error`
  const infoId = `${props.name}-info`
  return (
    <div
      class={`nhsuk-form-group nhsuk-character-count${props.error ? ' nhsuk-form-group--error' : ''}`}
      data-module="nhsuk-character-count"
      data-maxlength={String(maxCommentLength)}
    >
      <label class="nhsuk-label" for={props.name}>
        {props.label}
      </label>
      <ErrorMessage id={errorId} message={props.error} />
      <textarea
        class={`nhsuk-textarea nhsuk-js-character-count${props.error ? ' nhsuk-textarea--error' : ''}`}
        id={props.name}
        name={props.name}
        rows={3}
        aria-describedby={[props.error ? errorId : '', infoId].filter(Boolean).join(' ')}
      >
        {props.value ?? ''}
      </textarea>
      <div class="nhsuk-hint nhsuk-character-count__message" id={infoId}>
        You can enter up to {commentLimit} characters
      </div>
    </div>
  )
}

/**
 * One item: a fieldset of radios with the item as its legend, NA and DK set apart, an optional
 * comment (in consensus mode the evidence and any dissent), and a live "Saved" status. With
 * JavaScript, a change saves the item on its own; without it, the page's buttons save it.
 */
export function Question(props: QuestionProps) {
  const names = fieldNames(props.linkId)
  const answerError = props.errors[names.answer]
  const hintId = `${names.answer}-hint`
  const errorId = `${names.answer}-error`
  const scaleChoices = props.choices.filter((c) => c.value !== 'NA' && c.value !== 'DK')
  const otherChoices = props.choices.filter((c) => c.value === 'NA' || c.value === 'DK')
  const radio = (choice: ChoiceOption, i: number) => {
    const id = i === 0 ? names.answer : `${names.answer}-${choice.value}`
    return (
      <div class="nhsuk-radios__item">
        <input
          class="nhsuk-radios__input"
          id={id}
          name={names.answer}
          type="radio"
          value={choice.value}
          checked={props.values.answer === choice.value}
          aria-describedby={choice.descriptor ? `${id}-hint` : undefined}
        />
        <label class="nhsuk-label nhsuk-radios__label" for={id}>
          {choice.label}
        </label>
        {choice.descriptor && (
          <div class="nhsuk-hint nhsuk-radios__hint" id={`${id}-hint`}>
            {choice.descriptor}
          </div>
        )}
      </div>
    )
  }
  return (
    <div
      class="app-question"
      id={`item-${itemKey(props.linkId)}`}
      hx-post={props.saveUrl}
      hx-trigger="change"
      hx-include="this"
      hx-target={`#saved-${itemKey(props.linkId)}`}
      hx-swap="innerHTML"
    >
      <div class={answerError ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
        <fieldset
          class="nhsuk-fieldset"
          aria-describedby={
            [props.help ? hintId : '', answerError ? errorId : ''].filter(Boolean).join(' ') ||
            undefined
          }
        >
          <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            <h2 class="nhsuk-fieldset__heading">
              <span class="nhsuk-u-visually-hidden">Question {props.number}: </span>
              {props.text}
            </h2>
          </legend>
          {props.help && (
            <div class="nhsuk-hint" id={hintId}>
              {props.help}
            </div>
          )}
          <ErrorMessage id={errorId} message={answerError} />
          <div class="nhsuk-radios" data-module="nhsuk-radios">
            {scaleChoices.map((choice, i) => radio(choice, i))}
            {otherChoices.length > 0 && <div class="nhsuk-radios__divider">or</div>}
            {otherChoices.map((choice) => radio(choice, scaleChoices.length))}
          </div>
        </fieldset>
      </div>
      <LongText
        name={names.comment}
        label={props.consensus ? 'Evidence for this rating (optional)' : 'Comment (optional)'}
        value={props.values.comment}
        error={props.errors[names.comment]}
      />
      {props.consensus && (
        <LongText
          name={names.dissent}
          label="Any dissent (optional)"
          value={props.values.dissent}
          error={props.errors[names.dissent]}
        />
      )}
      <p class="nhsuk-body-s app-saved" id={`saved-${itemKey(props.linkId)}`} role="status" />
    </div>
  )
}

/** What an autosave answers: "Saved", or what stopped it, for the item's live status. */
export function SavedStatus({ problem }: { problem?: string | undefined }) {
  if (problem) return <strong class="nhsuk-error-message">Not saved: {problem}</strong>
  return <strong class="nhsuk-tag nhsuk-tag--green">Saved</strong>
}
