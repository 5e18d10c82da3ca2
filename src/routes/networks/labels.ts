import { measureLabel } from '../../instruments/network'
import { builtInInstruments } from '../../instruments/registry'

/** Every built-in domain's title by its key. */
const domainTitles = new Map(
  builtInInstruments().flatMap((i) => i.domains.map((d) => [d.key, d.title] as const)),
)

/** A network measure in words, with the domain's title. */
export const measureLabelOf = (measure: string) => measureLabel(measure, domainTitles)
