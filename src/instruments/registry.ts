import { type Instrument, parseInstrument } from './definition'
import { orgRecoveryExecV1 } from './org-recovery-exec/v1'
import { teamRecoveryFocusV1 } from './team-recovery-focus/v1'

/** The built-in definitions: one file per published version, never edited once published. */
export const builtInDefinitions = [orgRecoveryExecV1, teamRecoveryFocusV1]

export const builtInSlugs: ReadonlySet<string> = new Set(builtInDefinitions.map((d) => d.slug))

let parsed: Instrument[] | undefined

/** Every built-in version, each validated by the instrument schema the first time it is asked for. */
export function builtInInstruments(): Instrument[] {
  parsed ??= builtInDefinitions.map((definition) => parseInstrument(definition))
  return parsed
}

export function findBuiltIn(slug: string, version: number): Instrument | null {
  return builtInInstruments().find((i) => i.slug === slug && i.version === version) ?? null
}
