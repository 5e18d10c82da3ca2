import type { Db } from '../src/db/client'
import {
  answerInvitation,
  createNetwork,
  freeze,
  getNetwork,
  invite,
} from '../src/db/network-store'
import { createHostedOrganisation } from '../src/db/queries/hosting'
import { memberContributions } from '../src/db/queries/network-figures'
import { newPasswordToken, setPasswordWithToken } from '../src/db/queries/password-links'
import { getPersonByEmail } from '../src/db/queries/people'
import { periodRange } from '../src/instruments/network'
import { hashPassword, passwordCost } from '../src/lib/passwords'
import { generateTrust, type MakeOrganisation } from './trust'

export type NetworkShape = {
  trusts: number
  teamsPerLine: number
  lines: readonly string[]
  respondents: readonly [number, number]
  /** The half-years to publish, oldest first. */
  periods: readonly string[]
  password: string
}

/** A trust as the operator adds it, its admin's password set from their link as they would set it. */
function hostedOrganisation(passwordHash: string): MakeOrganisation {
  return async (db, shape, now) => {
    const { tokenHash, expiresAt } = await newPasswordToken(now.getTime())
    const admin = { name: shape.admin.name, email: shape.admin.email }
    const link = { tokenHash, expiresAt }
    const organisation = await createHostedOrganisation(db, {
      name: shape.name,
      admin,
      link,
      at: now,
    })
    const person = await getPersonByEmail(db, admin.email)
    if (!organisation || !person)
      throw new Error(`${admin.email} is taken: use a new database file`)
    const token = { personId: person.id, organisationId: organisation.id }
    await setPasswordWithToken(db, tokenHash, token, passwordHash, now.getTime())
    return { organisation, adminId: person.id }
  }
}

/**
 * A network of trusts on one service: a programme office whose admin coordinates it, and trusts
 * with their teams' rounds, each accepting the invitation; then the periods published.
 */
export async function generateNetwork(db: Db, shape: NetworkShape, log: (line: string) => void) {
  const passwordHash = await hashPassword(shape.password, passwordCost)
  const make = hostedOrganisation(passwordHash)
  const shapeOf = (name: string, n: number) => ({
    name,
    lines: shape.lines,
    teamsPerLine: shape.teamsPerLine,
    rounds: 4,
    respondents: shape.respondents,
    seed: 1000 + n,
    admin: {
      name: `Admin of ${name}`,
      email: `admin${n}@trust${n}.example`,
      password: shape.password,
    },
  })
  const now = new Date('2026-11-01T09:00:00Z')
  const office = await make(db, shapeOf('Programme office', 0), now)
  const coordinator = { organisationId: office.organisation.id, personId: office.adminId }
  const networkId = await createNetwork(db, {
    name: 'North recovery collaborative',
    kOrg: 5,
    coordinator,
    at: now,
  })
  const network = networkId ? await getNetwork(db, networkId) : null
  if (!network) throw new Error('The network was not made')
  const actorOf = (organisationId: string, actorId: string) => ({
    organisationId,
    actorId,
    at: now,
  })
  let answers = 0
  for (let n = 1; n <= shape.trusts; n++) {
    const trust = await generateTrust(db, shapeOf(`Trust ${n}`, n), () => {}, make)
    answers += trust.answers
    await invite(db, actorOf(office.organisation.id, office.adminId), network, trust.organisationId)
    await answerInvitation(db, actorOf(trust.organisationId, trust.adminId), network, true)
    log(`trust ${n} of ${shape.trusts}`)
  }
  for (const period of shape.periods) {
    const contributions = await memberContributions(db, network.id, periodRange(period))
    await freeze(db, network, period, contributions, now)
  }
  return {
    networkId: network.id,
    answers,
    coordinator: { email: 'admin0@trust0.example', password: shape.password },
    member: { email: 'admin1@trust1.example', password: shape.password },
  }
}
