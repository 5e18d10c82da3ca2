import { Hono } from 'hono'
import { HomePage } from '../../views/pages/home/home'
import { findFirstOrganisation, getExecutiveGroup } from '../db/queries/organisations'
import type { AppEnv } from '../env'
import { render } from '../lib/htmx'

export const homeRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const organisation = await findFirstOrganisation(c.var.db)
  if (!organisation) return c.redirect('/setup', 303)
  const executive = await getExecutiveGroup(c.var.db, organisation.id)
  return render(
    c,
    <HomePage organisationName={organisation.name} executiveGroupName={executive?.name ?? null} />,
    { title: 'Home' },
  )
})
