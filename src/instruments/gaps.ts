/** Domain scores on 0–100 by domain key; null where a domain could not be scored. */
export type DomainScores = Readonly<Record<string, number | null | undefined>>

export type PerceptionGap = {
  domain: string
  executive: number | null
  teamMean: number | null
  /** executive − mean of the teams, on 0–100 (positive: the executive sees more than the teams). */
  gap: number | null
  teamMin: number | null
  teamMax: number | null
  teams: number
}

/**
 * Rule 10 (docs/rules.md): per domain, the executive score minus the teams' score at the same round, with the
 * spread of the teams' scores.
 */
export function perceptionGaps(
  domains: readonly string[],
  executive: DomainScores,
  teams: readonly DomainScores[],
): PerceptionGap[] {
  return domains.map((domain) => {
    const exec = executive[domain] ?? null
    const scores = teams
      .map((team) => team[domain])
      .filter((v): v is number => typeof v === 'number')
    const teamMean = scores.length ? scores.reduce((s, v) => s + v, 0) / scores.length : null
    return {
      domain,
      executive: exec,
      teamMean,
      gap: exec !== null && teamMean !== null ? exec - teamMean : null,
      teamMin: scores.length ? Math.min(...scores) : null,
      teamMax: scores.length ? Math.max(...scores) : null,
      teams: scores.length,
    }
  })
}

/** Rule 10 between two perspectives of one group, such as staff minus people using the service. */
export function perspectiveGaps(domains: readonly string[], a: DomainScores, b: DomainScores) {
  return domains.map((domain) => {
    const x = a[domain] ?? null
    const y = b[domain] ?? null
    return { domain, a: x, b: y, gap: x !== null && y !== null ? x - y : null }
  })
}

/** The trend of each domain's gap over rounds, oldest first. */
export function gapTrend(
  domains: readonly string[],
  rounds: readonly { round: string; executive: DomainScores; teams: readonly DomainScores[] }[],
) {
  const perRound = rounds.map((r) => ({
    round: r.round,
    gaps: perceptionGaps(domains, r.executive, r.teams),
  }))
  return domains.map((domain) => ({
    domain,
    points: perRound.map(({ round, gaps }) => ({
      round,
      gap: gaps.find((g) => g.domain === domain)?.gap ?? null,
    })),
  }))
}
