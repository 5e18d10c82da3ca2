import type { InstrumentSource } from '../../../src/db/queries/instruments'
import { type Instrument, perspectiveLabels } from '../../../src/instruments/definition'
import { ActionButton } from '../../components/action-button'
import { StatusTag } from '../../components/status-tag'
import { DomainItems } from '../../partials/instruments/domain-items'
import { ScaleTable } from '../../partials/instruments/scale-table'
import { instrumentPath } from './list'

type VersionPageProps = {
  instrument: Instrument
  source: InstrumentSource
  canManage: boolean
  /** Just imported: say what was scored and what was kept unscored. */
  imported?: boolean
}

/** Items kept from the Questionnaire but not scored, each with its wording and the reason. */
function NotScored({ instrument }: { instrument: Instrument }) {
  const kept = instrument.unscored ?? []
  if (kept.length === 0) return null
  return (
    <>
      <h2>Kept but not scored</h2>
      <p>
        These items came with the Questionnaire. They are kept as they were and written back when it
        is downloaded, but they are not asked in rounds and count in no score.
      </p>
      <ul class="nhsuk-list nhsuk-list--bullet" id="not-scored">
        {kept.map((item) => (
          <li>
            {item.text ? `“${item.text}”` : `The item ${item.linkId}`}
            {`: not scored because ${item.reason}.`}
          </li>
        ))}
      </ul>
    </>
  )
}

export function VersionPage({ instrument, source, canManage, imported }: VersionPageProps) {
  const path = instrumentPath(instrument.slug, instrument.version)
  const own = source === 'organisation'
  const manageable = own && canManage
  const draft = manageable && instrument.status === 'draft'
  const lineage = new Map((instrument.lineage ?? []).map((entry) => [entry.linkId, entry.change]))
  const removed = (instrument.lineage ?? []).filter((entry) => entry.change === 'removed')
  const count = (change: string) =>
    (instrument.lineage ?? []).filter((e) => e.change === change).length
  const unscored = instrument.unscored?.length ?? 0
  const questions = instrument.items.length === 1 ? 'question' : 'questions'
  const domains = instrument.domains.length === 1 ? 'domain' : 'domains'
  const scoredText = `${instrument.items.length} ${questions}${unscored > 0 ? ' scored' : ''} in ${instrument.domains.length} ${domains}`
  return (
    <>
      {imported && (
        <div class="nhsuk-inset-text" id="import-summary">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {`Imported as a draft: ${scoredText}`}
            {unscored > 0
              ? `; ${unscored} ${unscored === 1 ? 'item' : 'items'} kept but not scored, listed under “Kept but not scored” with the reason for each.`
              : '.'}
          </p>
        </div>
      )}
      <span class="nhsuk-caption-l">{`${instrument.slug}, version ${instrument.versionLabel ?? instrument.version}`}</span>
      <h1>{instrument.title}</h1>
      <p>
        <StatusTag status={instrument.status} />{' '}
        {own ? 'Your organisation’s instrument' : 'Built in to the service'}
      </p>
      <p>{instrument.description}</p>
      <dl class="nhsuk-summary-list">
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Canonical url</dt>
          <dd class="nhsuk-summary-list__value">{instrument.url}</dd>
        </div>
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Answered by</dt>
          <dd class="nhsuk-summary-list__value">
            {instrument.perspectives.map((p) => perspectiveLabels[p]).join(', ')}
          </dd>
        </div>
        {instrument.versionLabel && (
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">Version</dt>
            <dd class="nhsuk-summary-list__value">
              {`${instrument.versionLabel} (as its Questionnaire names it; number ${instrument.version} in this service’s order)`}
            </dd>
          </div>
        )}
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Items</dt>
          <dd class="nhsuk-summary-list__value">
            {unscored > 0 ? `${scoredText}; ${unscored} kept but not scored` : scoredText}
          </dd>
        </div>
        {instrument.copyright && (
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">Copyright</dt>
            <dd class="nhsuk-summary-list__value">{instrument.copyright}</dd>
          </div>
        )}
        {instrument.derivedFrom && (
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">Derived from</dt>
            <dd class="nhsuk-summary-list__value">{instrument.derivedFrom}</dd>
          </div>
        )}
      </dl>
      <p>
        <a href={`${path}/questionnaire.json`} download>
          Download as a FHIR Questionnaire (JSON)
        </a>
      </p>
      {draft && (
        <div>
          <ActionButton action={`${path}/publish`} label="Publish this version" />
          <a class="nhsuk-button nhsuk-button--secondary" href={`${path}/edit`}>
            Change title and description
          </a>
        </div>
      )}
      {manageable && instrument.status === 'active' && (
        <div>
          <ActionButton action={`${path}/next-version`} label="Start the next version" />
          <ActionButton action={`${path}/retire`} label="Retire this version" secondary />
        </div>
      )}
      {instrument.derivedFrom && lineage.size > 0 && (
        <>
          <h2>Changes from the previous version</h2>
          <p>
            {`${count('kept')} kept, ${count('reworded')} reworded, ${count('new')} new, ${removed.length} removed.`}
            {removed.length > 0 && ` Removed: ${removed.map((e) => e.linkId).join(', ')}.`}
          </p>
        </>
      )}
      <h2>Scales</h2>
      {instrument.scales.map((scale) => (
        <ScaleTable scale={scale} />
      ))}
      <h2>Domains and items</h2>
      {instrument.domains.map((domain) => (
        <DomainItems instrument={instrument} domain={domain} editable={draft} lineage={lineage} />
      ))}
      <NotScored instrument={instrument} />
    </>
  )
}
