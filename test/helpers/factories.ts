import type { Db } from '../../src/db/client'
import { insertDraftInstrument, moveInstrumentStatus } from '../../src/db/queries/instruments'
import { getResponse, type ResponseTarget, saveAnswers } from '../../src/db/queries/responses'
import {
  createRound,
  getRound,
  moveRound,
  type Round,
  type RoundSettings,
} from '../../src/db/queries/rounds'
import { groups, organisations, people, roleGrants } from '../../src/db/schema'
import type { Instrument } from '../../src/instruments/definition'
import type { Role } from '../../src/instruments/enums'
import { findBuiltIn } from '../../src/instruments/registry'
import { roundDefaults } from '../../src/instruments/round-defaults'
import { hashPassword } from '../../src/lib/passwords'
import { testPasswordCost } from '../harness/types'

export async function createOrganisation(
  db: Db,
  { name = 'Northmoor Trust' }: { name?: string } = {},
) {
  const organisation = { id: crypto.randomUUID(), name, createdAt: new Date().toISOString() }
  await db.insert(organisations).values(organisation)
  return organisation
}

/** An organisation-owned copy of the team instrument under another slug, as a draft. */
export function ownInstrument(overrides: Partial<Instrument> = {}): Instrument {
  const team = findBuiltIn('team-recovery-focus', 1)
  if (!team) throw new Error('team-recovery-focus v1 missing')
  return {
    ...structuredClone(team),
    url: 'https://trust.example/Questionnaire/ward-voices',
    slug: 'ward-voices',
    title: 'Ward voices',
    status: 'draft',
    ...overrides,
  }
}

export async function createOwnInstrument(
  db: Db,
  organisationId: string,
  { published = false, ...overrides }: Partial<Instrument> & { published?: boolean } = {},
) {
  const instrument = ownInstrument(overrides)
  await insertDraftInstrument(db, organisationId, instrument)
  if (published) {
    await moveInstrumentStatus(db, organisationId, instrument.slug, instrument.version, 'publish')
  }
  return instrument
}

let knownHash: Promise<string> | undefined
export const knownPassword = 'a known test password'

/** A person of the organisation, active, with a password, and the grants given. */
export async function createPerson(
  db: Db,
  organisationId: string,
  {
    email,
    name = 'Sam Jones',
    grants = [],
  }: { email: string; name?: string; grants?: { role: Role; groupId?: string }[] },
) {
  knownHash ??= hashPassword(knownPassword, testPasswordCost)
  const id = crypto.randomUUID()
  const createdAt = new Date().toISOString()
  await db.insert(people).values({
    id,
    organisationId,
    name,
    email,
    passwordHash: await knownHash,
    status: 'active',
    createdAt,
  })
  for (const grant of grants) {
    await db.insert(roleGrants).values({
      id: crypto.randomUUID(),
      organisationId,
      personId: id,
      role: grant.role,
      groupId: grant.groupId ?? null,
      createdAt,
    })
  }
  return { id, email }
}

export async function createTeamRow(db: Db, organisationId: string, name: string) {
  const id = crypto.randomUUID()
  await db.insert(groups).values({
    id,
    organisationId,
    kind: 'team',
    name,
    teamType: 'community',
    createdAt: new Date().toISOString(),
  })
  return { id, name }
}

export const roundSettings: RoundSettings = {
  name: 'Spring 2027',
  instrumentSlug: 'team-recovery-focus',
  instrumentVersion: 1,
  perspectives: ['staff', 'person-using-service'],
  mode: 'individual',
  opensOn: '2027-03-01',
  closesOn: '2027-03-31',
  ...roundDefaults,
}

/** A round of the organisation over the groups given, opened unless asked for a draft. */
export async function createRoundRow(
  db: Db,
  organisationId: string,
  groupIds: string[],
  { draft = false, ...overrides }: Partial<RoundSettings> & { draft?: boolean } = {},
) {
  const actor = {
    organisationId,
    actorId: crypto.randomUUID(),
    at: new Date('2027-03-01T09:00:00Z'),
  }
  const id = await createRound(db, actor, { ...roundSettings, ...overrides }, groupIds)
  const round = await getRound(db, organisationId, id)
  if (!round) throw new Error('round missing')
  if (!draft) await moveRound(db, actor, round, 'open')
  return (await getRound(db, organisationId, id)) as Round
}

export function teamInstrument(): Instrument {
  const instrument = findBuiltIn('team-recovery-focus', 1)
  if (!instrument) throw new Error('team-recovery-focus v1 missing')
  return instrument
}

/** Starts a response (or finds the one started before) the way saving its first answers does. */
export async function startResponse(db: Db, target: ResponseTarget) {
  await saveAnswers(db, target, [])
  const found = await getResponse(db, target.organisationId, target.id)
  if (!found) throw new Error('response missing')
  return found
}

export function orgInstrument(): Instrument {
  const instrument = findBuiltIn('org-recovery-exec', 1)
  if (!instrument) throw new Error('org-recovery-exec v1 missing')
  return instrument
}

/** The new-round form filled in as a browser sends it: an individual round of these groups. */
export const validRound = (
  groups: string[],
  overrides: Record<string, string | string[]> = {},
) => ({
  name: 'Spring 2027',
  instrument: 'team-recovery-focus@1',
  mode: 'individual',
  perspectives: ['staff', 'person-using-service'],
  groups,
  opensOn: '2027-03-01',
  closesOn: '2027-03-31',
  anonymityThreshold: '5',
  commentThreshold: '10',
  itemMid: '12.5',
  teamMid: '5',
  ...overrides,
})
