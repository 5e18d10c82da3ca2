import { Hono } from 'hono'
import { z } from 'zod'
import { AuditPage } from '../../views/pages/audit/audit'
import { listAuditActions, listAuditEntries } from '../db/queries/audit'
import { listPeople } from '../db/queries/people'
import type { SignedInEnv } from '../env'
import { requireThat } from '../lib/authorise'
import { render } from './render'

const pageSize = 50
const querySchema = z.object({
  action: z.string().optional().catch(undefined),
  actor: z.string().optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
})

export const auditRoutes = new Hono<SignedInEnv>()
  .use(requireThat('administer'))
  .get('/', async (c) => {
    const query = querySchema.parse(c.req.query())
    const filter = { action: query.action || undefined, actorId: query.actor || undefined }
    const orgId = c.var.organisation.id
    const { entries, total } = await listAuditEntries(c.var.db, orgId, {
      ...filter,
      page: query.page,
      pageSize,
    })
    const props = {
      entries,
      total,
      page: query.page,
      pageSize,
      actions: await listAuditActions(c.var.db, orgId),
      people: await listPeople(c.var.db, orgId),
      filter,
    }
    return render(c, <AuditPage {...props} />, { title: 'Audit log' })
  })
