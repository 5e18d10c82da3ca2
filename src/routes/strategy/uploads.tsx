import { type Context, Hono } from 'hono'
import { MetricUploadPage } from '../../../views/pages/strategy/pages'
import { listTeams } from '../../db/queries/groups'
import { listMetrics, saveMetricValues } from '../../db/queries/metrics'
import type { SignedInEnv } from '../../env'
import { utf8Text } from '../../instruments/csv-table'
import { type MetricProblem, readMetricValues } from '../../instruments/metric-csv'
import { actorOf } from '../../lib/authorise'
import { teamsInScope } from '../../lib/strategy'
import { type FieldErrors, validForm } from '../../lib/validation'
import { render } from '../render'
import { uploadSchema } from './forms'
import { manage } from './shared'

function renderUpload(
  c: Context<SignedInEnv>,
  errors: FieldErrors,
  problems: MetricProblem[] = [],
  stored?: number,
) {
  return render(c, <MetricUploadPage errors={errors} problems={problems} stored={stored} />, {
    title: 'Upload metric values',
    errors,
  })
}

/** Metric values from a CSV file: every problem listed by row and column, or all of it stored. */
export const uploadRoutes = new Hono<SignedInEnv>()
  .use('/upload', manage)
  .get('/upload', (c) => renderUpload(c, {}))
  .post(
    '/upload',
    validForm(uploadSchema, (c, errors) => renderUpload(c, errors)),
    async (c) => {
      const { db, organisation } = c.var
      const [metrics, teams] = await Promise.all([
        listMetrics(db, organisation.id),
        listTeams(db, organisation.id),
      ])
      const read = await utf8Text(c.req.valid('form').file)
      if ('problem' in read) return renderUpload(c, { file: read.problem })
      const { values, problems } = readMetricValues(read.text, {
        metrics,
        teams: teamsInScope(teams),
      })
      if (problems.length > 0)
        return renderUpload(c, { file: 'The file has problems; nothing was stored' }, problems)
      return renderUpload(c, {}, [], await saveMetricValues(db, actorOf(c), values))
    },
  )
