import type { AssetPaths } from '../env'

/** The prefix under which the published files are served. */
export const assetPrefix = '/assets/'

/** A path named by a digest of its content, as `npm run assets` names every file but its manifest. */
export const isDigestNamed = (path: string) => /\.[0-9a-f]{12}\.\w+$/.test(path)

/** How long a browser keeps a file named by its digest: a year, never asking again. */
export const publishedCacheControl = 'public, max-age=31536000, immutable'

/** A file's published path; one the manifest does not name is asked for by its plain name. */
export const assetPath = (paths: AssetPaths, name: string): string =>
  paths[name] ?? `${assetPrefix}${name}`
