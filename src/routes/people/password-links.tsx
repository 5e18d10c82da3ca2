import { Hono } from 'hono'
import { PasswordLinkPage } from '../../../views/pages/people/forms'
import { addPasswordLink, passwordLinkDays } from '../../db/queries/password-links'
import { getShownLinks, shownLinkHours } from '../../db/queries/shown-links'
import type { SignedInEnv } from '../../env'
import { actorOf, requireThat } from '../../lib/authorise'
import { redirectAfterPost } from '../../lib/responses'
import { render } from '../render'
import { keptPath, loadPerson, newLink } from './shared'

/** A new link for a person to set their password, shown once to the admin who made it. */
export const passwordLinkRoutes = new Hono<SignedInEnv>()
  .use(requireThat('administer'))
  .post('/:id/password-link', async (c) => {
    const person = await loadPerson(c)
    const link = await newLink(c)
    await addPasswordLink(c.var.db, actorOf(c), person.id, link)
    return redirectAfterPost(c, keptPath(person.id, link))
  })
  .get('/:id/password-link/:kept', async (c) => {
    const person = await loadPerson(c)
    const kept = await getShownLinks(c.var.db, {
      organisationId: c.var.organisation.id,
      id: c.req.param('kept'),
      madeBy: c.var.signedIn?.person.id ?? '',
      kind: 'password',
      now: c.var.now(),
    })
    const token = kept?.subjectId === person.id ? kept.links[0]?.token : undefined
    c.header('Cache-Control', 'no-store')
    return render(
      c,
      <PasswordLinkPage
        personId={person.id}
        name={person.name}
        link={token ? new URL(`/set-password/${token}`, c.var.origin).toString() : null}
        days={passwordLinkDays}
        hours={shownLinkHours}
      />,
      {
        title: token ? `Give ${person.name} this link` : 'This link is no longer shown',
        status: token ? 200 : 410,
      },
    )
  })
