import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { listClosedRounds } from '../../src/db/queries/results'
import { createTeamRow, teamInstrument, validRound } from '../helpers/factories'
import { allAnswered, closedRoundWith } from '../helpers/results'
import { madeLinks, setUpAndSignIn } from '../helpers/signed-in'

const team = teamInstrument()

/** What a reader sees of a page: its text, without markup, attributes or scripts. */
const visibleText = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ')

const jargon = [
  /\brule \d+\b/i,
  /\bMID\b/,
  /Δ/,
  /\bSE\b/,
  /\blinkId\b/,
  /person-using-service/,
  /\bDomain \d+ of\b/,
  /\bD\d\d\b/,
  /\bT\d\d \(/,
]

describe('pages speak plain words', () => {
  it('shows no rule numbers, statistical symbols or codes standing alone on any results or round page', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const wards = [
      await createTeamRow(h.db, h.organisation.id, 'Ward A'),
      await createTeamRow(h.db, h.organisation.id, 'Ward B'),
    ]
    for (const [name, date, value] of [
      ['Spring 2024', '2024-03-31', 2],
      ['Spring 2025', '2025-03-31', 4],
    ] as const)
      await closedRoundWith(h.db, h.organisation.id, team, {
        name,
        date,
        responses: wards.flatMap((w) =>
          Array.from({ length: 6 }, (_, i) => ({
            groupId: w.id,
            perspective: i % 2 ? ('person-using-service' as const) : ('staff' as const),
            answers: allAnswered(team, value),
          })),
        ),
      })
    const [first, second] = await listClosedRounds(h.db, h.organisation.id)
    const open = (await h.post('/rounds/new', validRound([wards[0]?.id ?? '']))).headers.get(
      'Location',
    )
    await h.post(`${open}/open`)
    const {
      codes: [code],
    } = await madeLinks(h, open ?? '', {
      groupId: wards[0]?.id ?? '',
      perspective: 'person-using-service',
      count: '1',
    })
    const pages = [
      '/',
      '/results',
      `/results/compare?from=${first?.id}&to=${second?.id}`,
      `/results/teams/${wards[0]?.id}`,
      `/results/report?round=${second?.id}`,
      '/results/rules',
      '/rounds',
      open ?? '',
      '/strategy',
      `/r/${code}`,
      `/r/${code}/domains/1`,
      `/r/${code}/review`,
    ]
    for (const path of pages) {
      const res = await h.get(path)
      expect([path, res.status]).toEqual([path, 200])
      const text = visibleText(await res.text())
      for (const word of jargon) expect([path, text.match(word)?.[0] ?? null]).toEqual([path, null])
      // The pages hold what the words are about: a change with its interval, the plain headings.
      if (path.startsWith('/results/compare')) expect(text).toContain('95% interval')
      if (path.endsWith('/domains/1')) expect(text).toContain('How staff treat you')
    }
  })
})
