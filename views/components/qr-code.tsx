import { encode } from 'uqr'

/**
 * A QR code of a text (an address), drawn as one SVG path of its dark modules with the quiet zone
 * around it, so it prints sharp at any size. Labelled for those who cannot see it.
 */
export function QrCode({
  text,
  label,
  size = 132,
}: {
  text: string
  label: string
  size?: number
}) {
  const { data } = encode(text, { ecc: 'M', border: 4 })
  const modules = data.length
  const path = data
    .flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x} ${y}h1v1h-1z`] : [])))
    .join('')
  return (
    <svg
      class="app-qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shape-rendering="crispEdges"
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
