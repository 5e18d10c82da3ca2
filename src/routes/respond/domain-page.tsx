import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { DomainPage } from '../../../views/pages/respond/domain'
import type { QuestionProps } from '../../../views/pages/respond/question'
import { listAnswers, type Response, type SavedAnswer } from '../../db/queries/responses'
import type { AppEnv } from '../../env'
import { choicesOf, fieldNames } from '../../instruments/answer-form'
import { domainWording, type Item } from '../../instruments/definition'
import { render } from '../render'
import { domainsOf, type Sitting } from './sitting'

export const formValue = (answer: SavedAnswer['value'] | undefined) =>
  answer === null || answer === undefined ? undefined : String(answer)

function questionProps(
  sitting: Sitting,
  item: Item,
  number: number,
  saved: SavedAnswer | undefined,
  typed: Record<string, unknown> | undefined,
  errors: Record<string, string>,
): QuestionProps {
  const fromForm = (name: string) =>
    typeof typed?.[name] === 'string' ? (typed[name] as string) : undefined
  const names = fieldNames(item.linkId)
  return {
    linkId: item.linkId,
    number,
    text: item.text[sitting.perspective] ?? '',
    help: item.help,
    choices: choicesOf(sitting.instrument, item),
    values: typed
      ? {
          answer: fromForm(names.answer),
          comment: fromForm(names.comment),
          dissent: fromForm(names.dissent),
        }
      : {
          answer: formValue(saved?.value),
          comment: saved?.comment ?? undefined,
          dissent: saved?.dissent ?? undefined,
        },
    errors,
    consensus: sitting.consensus,
    saveUrl: `${sitting.base}/answers/${encodeURIComponent(item.linkId)}`,
  }
}

/** A section of the questionnaire, with what was saved or typed and the problems beside each question. */
export async function renderDomain(
  c: Context<AppEnv>,
  sitting: Sitting,
  response: Response | null,
  index: number,
  typed?: Record<string, unknown>,
  errors: Record<string, string> = {},
) {
  const domains = domainsOf(sitting)
  const page = domains[index - 1]
  if (!page) throw new HTTPException(404)
  const saved = response ? await listAnswers(c.var.db, response) : []
  const byLinkId = new Map(saved.map((a) => [a.linkId, a]))
  const wording = domainWording(page.domain, sitting.perspective)
  const title = `Section ${index} of ${domains.length}: ${wording.title}`
  return render(
    c,
    <DomainPage
      heading={sitting.heading}
      index={index}
      count={domains.length}
      title={wording.title}
      description={wording.description}
      questions={page.items.map(({ item, number }) =>
        questionProps(sitting, item, number, byLinkId.get(item.linkId), typed, errors),
      )}
      errors={errors}
      action={`${sitting.base}/domains/${index}`}
    />,
    {
      title,
      errors,
      anonymous: !sitting.consensus,
    },
  )
}
