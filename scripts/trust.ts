import type { Db } from '../src/db/client'
import { savePriority } from '../src/db/queries/action-plans'
import { createGrouping, createTeam } from '../src/db/queries/groups'
import { importHistory } from '../src/db/queries/history'
import { createInvitations } from '../src/db/queries/invitations'
import { createFirstOrganisation, getExecutiveGroup } from '../src/db/queries/organisations'
import { createRound, getRound, moveRound } from '../src/db/queries/rounds'
import { teamTypes } from '../src/instruments/enums'
import type { HistoricalRound } from '../src/instruments/history-csv'
import { findBuiltIn } from '../src/instruments/registry'
import { roundDefaults } from '../src/instruments/round-defaults'
import type { AnswerValue } from '../src/instruments/scoring'
import { hashPassword } from '../src/lib/passwords'

/** A small, fast, seeded generator: the same seed makes the same trust. */
export function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export type TrustShape = {
  name: string
  lines: readonly string[]
  teamsPerLine: number
  rounds: number
  respondents: readonly [number, number]
  seed: number
  admin: { name: string; email: string; password: string }
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x))
const teamNames = [
  'Ward',
  'Community team',
  'Crisis team',
  'Rehabilitation unit',
  'Early intervention',
  'Recovery team',
]

export type MakeOrganisation = (
  db: Db,
  shape: TrustShape,
  now: Date,
) => Promise<{ organisation: { id: string }; adminId: string }>

/** The trust as first-run setup makes it: the only organisation of its database. */
const firstOrganisation: MakeOrganisation = async (db, shape, now) => {
  const created = await createFirstOrganisation(db, {
    name: shape.name,
    admin: {
      name: shape.admin.name,
      email: shape.admin.email,
      passwordHash: await hashPassword(shape.admin.password),
    },
    now,
  })
  if (!created)
    throw new Error('The database already holds an organisation: use a new database file')
  return created
}

/**
 * A trust with service lines of teams, its executive, twice-yearly rounds (each team answering
 * individually, the executive agreeing consensus ratings), stored through the import's write path,
 * which completes every response with its scores and aggregates as a real submission does; then
 * one open round with links, and an action plan.
 */
export async function generateTrust(
  db: Db,
  shape: TrustShape,
  log: (line: string) => void = () => {},
  makeOrganisation: MakeOrganisation = firstOrganisation,
) {
  const next = random(shape.seed)
  const now = new Date('2026-11-01T09:00:00Z')
  const created = await makeOrganisation(db, shape, now)
  const organisationId = created.organisation.id
  const actor = { organisationId, actorId: created.adminId, at: now }
  const executive = await getExecutiveGroup(db, organisationId)
  if (!executive) throw new Error('no executive group')
  const teams: { id: string; name: string; level: number; trend: number }[] = []
  for (const [l, line] of shape.lines.entries()) {
    const groupingId = await createGrouping(db, actor, { kind: 'service-line', name: line })
    for (let t = 0; t < shape.teamsPerLine; t++) {
      const name = `${line} ${teamNames[t % teamNames.length]} ${Math.floor(t / teamNames.length) + 1}`
      const teamType = teamTypes[(l + t) % 5] ?? 'other'
      const id = await createTeam(db, actor, { name, teamType, groupingId, predecessorId: null })
      teams.push({ id, name, level: 2.4 + next() * 1.6, trend: (next() - 0.4) * 0.25 })
    }
  }
  const team = findBuiltIn('team-recovery-focus', 1)
  const exec = findBuiltIn('org-recovery-exec', 1)
  if (!team || !exec) throw new Error('starter instruments missing')
  const dateOf = (i: number) => {
    const year = 2027 - Math.ceil(shape.rounds / 2) + Math.floor(i / 2)
    return `${year}-${i % 2 === 0 ? '03' : '09'}-30`
  }
  let answers = 0
  for (let i = 0; i < shape.rounds; i++) {
    const responses: HistoricalRound['responses'] = []
    for (const t of teams) {
      const [min, max] = shape.respondents
      const count = min + Math.floor(next() * (max - min + 1))
      for (let r = 0; r < count; r++) {
        const mood = (next() - 0.5) * 1.2
        const given = new Map<string, AnswerValue>()
        for (const item of team.items) {
          const roll = next()
          if (roll < 0.03) given.set(item.linkId, 'DK')
          else if (roll < 0.05) given.set(item.linkId, 'NA')
          else if (roll < 0.97)
            given.set(
              item.linkId,
              clamp(Math.round(t.level + t.trend * i + mood + (next() - 0.5) * 1.5), 1, 5),
            )
        }
        answers += given.size
        responses.push({
          groupId: t.id,
          perspective: r % 4 === 3 ? 'person-using-service' : 'staff',
          answers: given,
        })
      }
    }
    const rating = (k: number) =>
      clamp(Math.floor(next() * 2 + (i * 2.5) / shape.rounds + (k % 3) * 0.2), 0, 3)
    const history: HistoricalRound[] = [
      {
        name: `Team survey ${dateOf(i).slice(0, 7)}`,
        instrument: team,
        date: dateOf(i),
        mode: 'individual',
        groupIds: new Set(teams.map((t) => t.id)),
        perspectives: new Set(['staff', 'person-using-service']),
        responses,
      },
      {
        name: `Board self-assessment ${dateOf(i).slice(0, 7)}`,
        instrument: exec,
        date: dateOf(i),
        mode: 'consensus',
        groupIds: new Set([executive.id]),
        perspectives: new Set(['executive']),
        responses: [
          {
            groupId: executive.id,
            perspective: 'executive',
            answers: new Map(exec.items.map((item, k) => [item.linkId, rating(k)])),
          },
        ],
      },
    ]
    await importHistory(db, actor, history)
    answers += exec.items.length
    log(`round ${i + 1} of ${shape.rounds}: ${responses.length} responses`)
  }
  const first = teams[0]
  const openId = await createRound(
    db,
    actor,
    {
      name: 'Team survey now open',
      instrumentSlug: 'team-recovery-focus',
      instrumentVersion: 1,
      perspectives: ['staff', 'person-using-service'],
      mode: 'individual',
      opensOn: '2026-11-01',
      closesOn: '2027-12-31',
      ...roundDefaults,
    },
    teams.map((t) => t.id),
  )
  const open = await getRound(db, organisationId, openId)
  if (open) await moveRound(db, actor, open, 'open')
  const links = first
    ? await createInvitations(db, actor, openId, [
        { groupId: first.id, perspective: 'staff', count: 5 },
      ])
    : []
  const rounds = (await db.query.rounds.findMany()).filter(
    (r) => r.organisationId === organisationId && r.status === 'closed' && r.mode === 'individual',
  )
  const latest = rounds.sort((a, b) => a.opensOn.localeCompare(b.opensOn)).at(-1)
  if (first && latest) {
    await savePriority(
      db,
      actor,
      { groupId: first.id, roundId: latest.id },
      {
        rank: 1,
        focus: 'D08',
        actions: 'Recruit two peer support workers and give them supervision',
        owner: 'Ward manager',
        dueOn: '2027-03-31',
      },
    )
  }
  return {
    organisationId,
    adminId: created.adminId,
    teams,
    answers,
    tokens: links.map((l) => l.token),
    rounds: rounds.map((r) => r.id),
  }
}
