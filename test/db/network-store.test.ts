import { and, eq } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import type { Db } from '../../src/db/client'
import {
  answerInvitation,
  createNetwork,
  currentMembers,
  freeze,
  getNetwork,
  invite,
  leaveNetwork,
  listPeriods,
} from '../../src/db/network-store'
import { auditLog, networkPeriods } from '../../src/db/schema'
import { kOrgDefault, networkDistribution } from '../../src/instruments/network'
import { createOrganisation, createPerson } from '../helpers/factories'

const at = (day: number) => new Date(Date.UTC(2026, 0, 1 + day))

/** A coordinator in a programme office, and eight trusts that may join. */
async function programme(db: Db) {
  const office = await createOrganisation(db, { name: 'Programme office' })
  const person = await createPerson(db, office.id, { email: `lead-${office.id}@office.example` })
  const trusts = []
  for (let i = 0; i < 8; i++) trusts.push(await createOrganisation(db, { name: `Trust ${i}` }))
  const coordinator = (day: number) => ({
    organisationId: office.id,
    actorId: person.id,
    at: at(day),
  })
  const adminOf = (organisationId: string, day: number) => ({
    organisationId,
    actorId: `admin-of-${organisationId}`,
    at: at(day),
  })
  return { office, trusts, coordinator, adminOf }
}

async function newNetwork(db: Db, p: Awaited<ReturnType<typeof programme>>, name: string) {
  const coordinator = p.coordinator(0)
  const id = await createNetwork(db, {
    name,
    kOrg: kOrgDefault,
    coordinator: { organisationId: coordinator.organisationId, personId: coordinator.actorId },
    at: coordinator.at,
  })
  const network = id ? await getNetwork(db, id) : null
  if (!network) throw new Error('no network')
  return network
}

describe('the network store', () => {
  it('makes an organisation a member only when its admin accepts, and records each step on both sides once', async () => {
    const { db } = await freshHarness()
    const p = await programme(db)
    const network = await newNetwork(db, p, 'North recovery collaborative')
    const trust = p.trusts[0]?.id ?? ''
    await invite(db, p.coordinator(1), network, trust)
    await invite(db, p.coordinator(1), network, trust)
    expect(await currentMembers(db, network.id)).toEqual([])
    for (let i = 0; i < 2; i++) await answerInvitation(db, p.adminOf(trust, 2), network, true)
    expect(await currentMembers(db, network.id)).toEqual([trust])
    for (let i = 0; i < 2; i++) await leaveNetwork(db, p.adminOf(trust, 3), network)
    expect(await currentMembers(db, network.id)).toEqual([])
    // Declining an invitation makes no member.
    const other = p.trusts[1]?.id ?? ''
    await invite(db, p.coordinator(4), network, other)
    await answerInvitation(db, p.adminOf(other, 5), network, false)
    expect(await currentMembers(db, network.id)).toEqual([])

    const actions = async (organisationId: string) =>
      (
        await db
          .select({ action: auditLog.action })
          .from(auditLog)
          .where(
            and(eq(auditLog.organisationId, organisationId), eq(auditLog.subjectId, network.id)),
          )
      ).map((a) => a.action)
    expect((await actions(trust)).sort()).toEqual([
      'network.invitation-received',
      'network.joined',
      'network.left',
    ])
    expect((await actions(p.office.id)).sort()).toEqual([
      'network.created',
      'network.declined',
      'network.invited',
      'network.invited',
      'network.joined',
      'network.left',
    ])
  })

  it('publishes each period once, so that no member’s figure can be recovered by differencing (property)', async () => {
    const { db } = await freshHarness()
    const p = await programme(db)
    const ids: string[] = p.trusts.map((t) => t.id)
    let runs = 0
    await fc.assert(
      fc.asyncProperty(
        // Per period: who is a member when it is frozen, and each trust's figure.
        fc.array(
          fc.record({
            members: fc.subarray(ids),
            values: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 8, maxLength: 8 }),
          }),
          { minLength: 2, maxLength: 4 },
        ),
        async (periods) => {
          const network = await newNetwork(db, p, `Network ${runs++}`)
          const published = new Map<string, unknown>()
          for (const [n, period] of periods.entries()) {
            // Membership moves to this period's: those not in it leave, the others join.
            const now = await currentMembers(db, network.id)
            for (const id of now.filter((m) => !period.members.includes(m)))
              await leaveNetwork(db, p.adminOf(id, 10 * n), network)
            for (const id of period.members.filter((m) => !now.includes(m))) {
              await invite(db, p.coordinator(10 * n), network, id)
              await answerInvitation(db, p.adminOf(id, 10 * n + 1), network, true)
            }
            const contributions = {
              total: ids.map((id, i) => ({ organisationId: id, value: period.values[i] ?? 0 })),
            }
            const name = `2026-P${n}`
            const kept = await freeze(db, network, name, contributions, at(10 * n + 2))
            published.set(name, kept.measures)
            const total = kept.measures.total
            // A figure shows only from k_org members, and only from this moment's members.
            expect(total?.organisations).toBe(period.members.length)
            expect(total?.shown).toBe(period.members.length >= kOrgDefault)
            // Every earlier period, frozen again now with other members and other figures, and
            // read back, is what was published: there is never a second version to subtract.
            for (const [earlier, measures] of published) {
              const moved = { total: ids.map((id) => ({ organisationId: id, value: 50 })) }
              expect((await freeze(db, network, earlier, moved, at(10 * n + 3))).measures).toEqual(
                measures,
              )
            }
          }
          expect((await listPeriods(db, network.id)).map((k) => k.measures)).toEqual([
            ...published.values(),
          ])
          // Nor can the database be made to change or remove one.
          await expect(
            db
              .update(networkPeriods)
              .set({ members: 99 })
              .where(eq(networkPeriods.networkId, network.id)),
          ).rejects.toThrow()
          await expect(
            db.delete(networkPeriods).where(eq(networkPeriods.networkId, network.id)),
          ).rejects.toThrow()
        },
      ),
      { numRuns: 12 },
    )
  })

  it('defeats the subtraction attack: a member leaves, and the period cannot be worked out again without it', async () => {
    const { db } = await freshHarness()
    const p = await programme(db)
    const network = await newNetwork(db, p, 'Attacked network')
    const six = p.trusts.slice(0, 6).map((t) => t.id)
    for (const id of six) {
      await invite(db, p.coordinator(1), network, id)
      await answerInvitation(db, p.adminOf(id, 2), network, true)
    }
    // The target is the last trust; the others' figures are known to the attacker.
    const target = six[5] ?? ''
    const figures = (targetValue: number) => ({
      total: six.map((id, i) => ({
        organisationId: id,
        value: id === target ? targetValue : 10 * (i + 1),
      })),
    })
    const published = await freeze(db, network, '2025-H2', figures(35), at(3))
    // Worked out afresh without the target, the median would move from 32.5 (the mean of the middle
    // two of six) to 30, and give the target away: 2 × 32.5 − 30 = 35. Freezing must prevent that.
    const without = networkDistribution(
      figures(35).total.filter((c) => c.organisationId !== target),
    )
    const median = (d: unknown) => (d as { median: number }).median
    expect(median(published.measures.total)).toBe(32.5)
    expect(2 * median(published.measures.total) - median(without)).toBe(35)
    // The target leaves; the coordinator publishes the period again, with and without its figure.
    await leaveNetwork(db, p.adminOf(target, 4), network)
    for (const value of [0, 35, 100]) {
      const again = await freeze(db, network, '2025-H2', figures(value), at(5))
      expect(again.measures).toEqual(published.measures)
      expect(again.members).toBe(6)
    }
    // And a period frozen after it left holds nothing of it, whatever it would have given.
    const later = await freeze(db, network, '2026-H1', figures(100), at(6))
    expect(later.measures.total).toEqual(
      networkDistribution(figures(0).total.filter((c) => c.organisationId !== target)),
    )
  })
})
