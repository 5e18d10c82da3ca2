import { Hono } from 'hono'
import { HomePage } from '../../views/pages/home/home'
import { getExecutiveGroup } from '../db/queries/organisations'
import type { AppEnv } from '../env'
import { render } from '../lib/htmx'

export const homeRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { organisation } = c.var
  const executive = await getExecutiveGroup(c.var.db, organisation.id)
  return render(
    c,
    <HomePage organisationName={organisation.name} executiveGroupName={executive?.name ?? null} />,
    { title: 'Home' },
  )
})
