// The site's own origin is `public/`: a URL on it whose path is a file under `public/` is answered from that
// file, as `next start` serves it, so image routes that draw `${SITE_URL}/images/og.png` need no recording.
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'

/**
 * Environment variables that hold the site's URL, in the order Next's docs and Vercel list them: the ones Next
 * itself falls back to for `metadataBase` (VERCEL_PROJECT_PRODUCTION_URL, VERCEL_BRANCH_URL, VERCEL_URL, given
 * without a scheme), and the names apps commonly give it.
 */
export const SITE_URL_VARIABLES: readonly string[] = [
  'NEXT_PUBLIC_SITE_URL',
  'NEXT_PUBLIC_APP_URL',
  'NEXT_PUBLIC_BASE_URL',
  'SITE_URL',
  'NEXT_PUBLIC_VERCEL_PROJECT_PRODUCTION_URL',
  'VERCEL_PROJECT_PRODUCTION_URL',
  'NEXT_PUBLIC_VERCEL_BRANCH_URL',
  'VERCEL_BRANCH_URL',
  'NEXT_PUBLIC_VERCEL_URL',
  'VERCEL_URL',
]

/** The origin `next dev` and `next start` serve on when nothing else is said. */
export const DEFAULT_DEV_ORIGIN = 'http://localhost:3000'

/** An origin (`https://example.com`) from a URL or a bare host as Vercel's variables give it; undefined if it is neither. */
export function originOf(value: string): string | undefined {
  const text = value.trim()
  if (text === '') return undefined
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).origin
  } catch {
    return undefined
  }
}

/** Every origin the site is served from: the given ones (metadataBase, siteUrl), the environment's, and localhost:3000 (or $PORT). */
export function siteOrigins(configured: readonly string[], env: NodeJS.ProcessEnv = process.env): Set<string> {
  const origins = new Set<string>()
  for (const value of [...configured, ...SITE_URL_VARIABLES.map((name) => env[name] ?? '')]) {
    const origin = originOf(value)
    if (origin) origins.add(origin)
  }
  origins.add(env.PORT ? `http://localhost:${env.PORT}` : DEFAULT_DEV_ORIGIN)
  return origins
}

/** Content types `next start` gives the files of `public/`, by extension (the ones image routes ask for). */
const PUBLIC_FILE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/** The content type `next start` gives a file, by its extension. */
export function contentTypeOf(file: string): string {
  return PUBLIC_FILE_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** A file of `public/` answering a request: its bytes and content type. */
export interface PublicFile {
  file: string
  body: Buffer
  contentType: string
}

/**
 * The file of `<root>/public` that `url` names, when its origin is one of the site's and the file exists; the
 * path is decoded and must stay inside `public/` (as Next refuses `..`). Undefined otherwise.
 */
export async function readPublicFile(url: URL, root: string, origins: ReadonlySet<string>): Promise<PublicFile | undefined> {
  if (!origins.has(url.origin)) return undefined
  const publicDir = path.join(root, 'public')
  let relative: string
  try {
    relative = decodeURIComponent(url.pathname)
  } catch {
    return undefined
  }
  const file = path.join(publicDir, relative)
  if (!file.startsWith(publicDir + path.sep)) return undefined
  try {
    if (!(await stat(file)).isFile()) return undefined
    const body = await readFile(file)
    return { file, body, contentType: contentTypeOf(file) }
  } catch {
    return undefined
  }
}
