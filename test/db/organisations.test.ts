import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import {
  createFirstOrganisation,
  getExecutiveGroup,
  getFirstOrganisation,
} from '../../src/db/queries/organisations'
import { groups, organisations } from '../../src/db/schema'

const admin = (email = 'asha.patel@northmoor.example') => ({
  name: 'Asha Patel',
  email,
  passwordHash: 'scrypt$32768$8$3$c2FsdA==$a2V5',
})

describe('organisation queries', () => {
  it('finds no organisation in an empty database', async () => {
    const { db } = await freshHarness()
    expect(await getFirstOrganisation(db)).toBeNull()
  })

  it('creates the organisation with its executive group in one batch', async () => {
    const { db } = await freshHarness()
    const created = await createFirstOrganisation(db, { name: 'Westbrook Trust', admin: admin() })
    expect(created?.organisation).toEqual({ id: expect.any(String), name: 'Westbrook Trust' })
    expect(await getFirstOrganisation(db)).toEqual(created?.organisation)
    const executive = await getExecutiveGroup(db, created?.organisation.id ?? '')
    expect(executive?.name).toBe('Executive team')
  })

  it('stores nothing and returns null when an organisation exists already', async () => {
    const { db } = await freshHarness()
    await createFirstOrganisation(db, { name: 'Westbrook Trust', admin: admin() })
    expect(await createFirstOrganisation(db, { name: 'Another Trust', admin: admin() })).toBeNull()
    expect(await db.select().from(organisations)).toHaveLength(1)
    expect(await db.select().from(groups)).toHaveLength(1)
  })

  it('makes exactly one organisation when two setups race', async () => {
    const { db } = await freshHarness()
    const results = await Promise.all(
      ['Racing Trust A', 'Racing Trust B', 'Racing Trust C'].map((name, i) =>
        createFirstOrganisation(db, { name, admin: admin(`admin${i}@race.example`) }),
      ),
    )
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await db.select().from(organisations)).toHaveLength(1)
    expect(await db.select().from(groups)).toHaveLength(1)
  })

  it('gives ids that are random, not sequential', async () => {
    const ids = new Set<string>()
    for (let i = 0; i < 3; i++) {
      const { db } = await freshHarness()
      const created = await createFirstOrganisation(db, { name: `Trust ${i}`, admin: admin() })
      ids.add(created?.organisation.id ?? '')
    }
    expect(ids.size).toBe(3)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('refuses a second executive group for one organisation', async () => {
    const { db } = await freshHarness()
    const created = await createFirstOrganisation(db, { name: 'Westbrook Trust', admin: admin() })
    await expect(
      db.insert(groups).values({
        id: crypto.randomUUID(),
        organisationId: created?.organisation.id ?? '',
        kind: 'executive',
        name: 'Another board',
        createdAt: new Date().toISOString(),
      }),
    ).rejects.toThrow()
  })
})
