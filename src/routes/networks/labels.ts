import { measureLabel } from '../../instruments/network'
import { builtInInstruments } from '../../instruments/registry'

/** Every built-in domain's title, by its instrument and key. */
const domainTitles = new Map(
  builtInInstruments().flatMap((i) =>
    i.domains.map((d) => [`${i.slug}/${d.key}`, d.title] as const),
  ),
)

/** A network measure in words, with its instrument's title for the domain. */
export const measureLabelOf = (measure: string) =>
  measureLabel(measure, (slug, key) => domainTitles.get(`${slug}/${key}`))
