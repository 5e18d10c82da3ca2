import { request } from 'node:http'

/** What one response weighs on the wire: its body as sent, compressed or not. */
function transferred(url: string, headers: Record<string, string>) {
  return new Promise<{ bytes: number; body: string; encoding: string }>((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const raw = Buffer.concat(chunks)
        const encoding = String(res.headers['content-encoding'] ?? 'identity')
        resolve({
          bytes: raw.length,
          body: encoding === 'identity' ? raw.toString() : '',
          encoding,
        })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

export type PageWeight = { total: number; script: number; files: number }

/**
 * A page as a browser over HTTPS first loads it (taking brotli and gzip) with nothing cached: the
 * page, then each stylesheet, script and icon it names, in bytes as transferred.
 */
export async function pageWeight(base: string, path: string, cookie = ''): Promise<PageWeight> {
  const browser = { 'Accept-Encoding': 'br, gzip', Cookie: cookie }
  const page = await transferred(`${base}${path}`, browser)
  const { body } = await transferred(`${base}${path}`, { Cookie: cookie })
  const named = [...body.matchAll(/<(?:script[^>]* src|link[^>]* href)="(\/[^/"][^"]*)"/g)]
    .map((m) => m[1] ?? '')
    .filter(Boolean)
  let total = page.bytes
  let script = 0
  for (const file of new Set(named)) {
    const { bytes } = await transferred(`${base}${file}`, browser)
    total += bytes
    if (file.endsWith('.js')) script += bytes
  }
  return { total, script, files: new Set(named).size + 1 }
}
