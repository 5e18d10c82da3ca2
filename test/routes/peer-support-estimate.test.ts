import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { metrics, metricValues } from '../../src/db/schema'
import {
  peerSupportWorkstream,
  peerWorkersMetric,
  setUpStrategy,
  valueFields,
} from '../helpers/strategy'

describe('the estimate of what peer support is worth', () => {
  it('estimates the value of peer support with its assumptions, and takes inputs from the metrics', async () => {
    const h = await setUpStrategy(await freshHarness())
    const workstream = await peerSupportWorkstream(h)
    const metric = await peerWorkersMetric(h, workstream.id)
    await h.post(`/strategy/metrics/${metric.id}/values`, {
      period: '2026-10',
      ...valueFields(h, ['2', '3', '1']),
    })
    // A metric named like an input but not marked as one is not taken: metrics are found by
    // what they are marked to be, not by their names.
    const named = await h.post(`/strategy/workstreams/${workstream.id}/metrics/new`, {
      name: 'Contacts with peer support workers',
      unit: 'contacts',
      direction: 'higher',
      scope: 'organisation',
      cadence: 'monthly',
      comparator: '>=',
      targetValue: '100',
      dueOn: '2027-03-31',
      baseline: '',
      estimateInput: '',
    })
    expect(named.status).toBe(303)
    const contacts = named.headers.get('Location') ?? ''
    const stored = await h.post(`${contacts}/values`, {
      period: '2026-10',
      'value-organisation': '250',
    })
    expect(stored.status).toBe(303)
    expect(await h.db.select().from(metricValues)).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: 250 })]),
    )
    const blank = await (await h.get('/strategy/peer-support')).text()
    expect(blank).toContain(
      'Filled in from the strategy’s metrics: Peer support workers (Oct 2026). Check them',
    )
    expect(blank).toMatch(/name="fte" type="text" value="6"/)
    expect(blank).toMatch(/name="contacts" type="text" value=""/)
    const query = new URLSearchParams({
      fte: '10',
      costPerFte: '35,000',
      clientsSupported: '500',
      contacts: '4000',
      bedDaysBefore: '3000',
      bedDaysAfter: '2000',
      costPerBedDay: '450',
    })
    const page = await (await h.get(`/strategy/peer-support?${query}`)).text()
    expect(page).toContain('£350,000')
    expect(page).toContain('£450,000')
    expect(page).toContain('£1.29')
    expect(page).toContain('Published returns on peer support vary widely')
    expect(page).toContain('Every bed day avoided is put down to peer support')
    const bad = await h.get('/strategy/peer-support?fte=ten&costPerBedDay=450')
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('Enter a number, 0 or more')
    for (const huge of ['1e308', '9'.repeat(400), '1000000000001']) {
      const over = new URLSearchParams({
        fte: huge,
        costPerFte: huge,
        clientsSupported: '0',
        contacts: '0',
        bedDaysAvoided: huge,
        costPerBedDay: huge,
      })
      const res = await h.get(`/strategy/peer-support?${over}`)
      const text = await res.text()
      expect(res.status, huge).toBe(422)
      expect(text).not.toMatch(/NaN|Infinity/)
      expect(text).toMatch(
        /Enter a number no larger than 1,000,000,000,000|Enter a number, 0 or more/,
      )
    }
    const zero = new URLSearchParams({
      fte: '0',
      costPerFte: '0',
      clientsSupported: '0',
      contacts: '0',
      bedDaysAvoided: '0',
      costPerBedDay: '0',
    })
    expect(await (await h.get(`/strategy/peer-support?${zero}`)).text()).not.toMatch(/NaN|Infinity/)
  })

  it('adds up a year of monthly people supported for the estimate, and keeps the latest count of workers', async () => {
    const h = await setUpStrategy(await freshHarness())
    const workstream = await peerSupportWorkstream(h)
    await peerWorkersMetric(h, workstream.id)
    await h.post(`/strategy/workstreams/${workstream.id}/metrics/new`, {
      name: 'People supported by peers',
      unit: 'people',
      direction: 'higher',
      scope: 'team',
      cadence: 'monthly',
      comparator: '>=',
      targetValue: '5',
      coverageTarget: '100',
      dueOn: '2027-03-31',
      baseline: '',
      estimateInput: 'people-supported',
    })
    const [workers, people] = await Promise.all(
      ['Peer support workers', 'People supported by peers'].map(async (name) => {
        const [row] = await h.db.select().from(metrics).where(eq(metrics.name, name))
        return row?.id ?? ''
      }),
    )
    // 14 months, 2025-09 to 2026-10: in month m (1 to 14) Ward 1 supports m people, Ward 2 ten.
    for (let m = 1; m <= 14; m++) {
      const period = `${m <= 4 ? 2025 : 2026}-${String(m <= 4 ? m + 8 : m - 4).padStart(2, '0')}`
      await h.post(`/strategy/metrics/${people}/values`, {
        period,
        ...valueFields(h, [String(m), '10']),
      })
      await h.post(`/strategy/metrics/${workers}/values`, {
        period,
        ...valueFields(h, [String(m % 3), '1']),
      })
    }
    const blank = await (await h.get('/strategy/peer-support')).text()
    // The last 12 months: Ward 1 supports 3 + 4 + … + 14 = 102, Ward 2 12 × 10 = 120.
    expect(blank).toMatch(/name="clientsSupported" type="text" value="222"/)
    // Workers are counted as they stand in the latest month: 14 mod 3 = 2, and 1.
    expect(blank).toMatch(/name="fte" type="text" value="3"/)
    expect(blank).toContain('People supported by peers, added up over Nov 2025 to Oct 2026')
  })
})
