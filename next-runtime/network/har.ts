// The recordings file: HAR 1.2 (what browsers' devtools and Playwright's `routeFromHAR` read), one entry per
// recording key, sorted by key and free of timestamps so that an unchanged update rewrites the same bytes. As
// Playwright does with `content: 'attach'`, bodies live beside it in files named by their SHA-256
// (`content._file`), so a changed font or image shows in a review as one added file. Request headers, cookies
// and request bodies are never stored: the request body is kept as its hash only.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ImgmetaError } from '../../src/errors.js'
import { BODIES_DIR_NAME } from './network-settings.js'
import { recordingKey } from './recording-key.js'

/** A header as HAR stores it. */
export interface HarHeader {
  name: string
  value: string
}

/** One recorded request and its response. */
export interface HarEntry {
  startedDateTime: string
  time: number
  request: {
    method: string
    url: string
    httpVersion: string
    headers: HarHeader[]
    queryString: HarHeader[]
    cookies: never[]
    headersSize: number
    bodySize: number
    /** SHA-256 of the request body (its text is not stored); absent for a request with no body. */
    _bodySha256?: string
  }
  response: {
    status: number
    statusText: string
    httpVersion: string
    headers: HarHeader[]
    cookies: never[]
    content: { size: number; mimeType: string; _file?: string }
    redirectURL: string
    headersSize: number
    bodySize: number
  }
  cache: Record<string, never>
  timings: { send: number; wait: number; receive: number }
}

/** A HAR file's top level. */
export interface Har {
  log: { version: string; creator: { name: string; version: string }; entries: HarEntry[] }
}

/** The date every entry carries: HAR requires one, and a real one would change the file on every update. */
const FIXED_DATE = '1970-01-01T00:00:00.000Z'

/** Response headers kept: what replaying needs. Everything else (Set-Cookie, server names, dates, ids) is dropped. */
export const RECORDED_RESPONSE_HEADERS: ReadonlySet<string> = new Set(['content-type', 'content-language', 'location', 'link'])

/** The key an entry is recorded under. */
export function entryKey(entry: HarEntry): string {
  return recordingKey(entry.request.method, entry.request.url, entry.request._bodySha256)
}

/** File extension of a stored body, from its content type, so that a person can open it. */
export function bodyExtension(mimeType: string): string {
  const type = mimeType.split(';')[0]!.trim().toLowerCase()
  const known: Record<string, string> = {
    'image/png': '.png',
    'image/jpeg': '.jpg',
    'image/gif': '.gif',
    'image/webp': '.webp',
    'image/avif': '.avif',
    'image/svg+xml': '.svg',
    'application/json': '.json',
    'application/graphql-response+json': '.json',
    'text/html': '.html',
    'text/plain': '.txt',
    'text/css': '.css',
    'font/ttf': '.ttf',
    'font/otf': '.otf',
    'font/woff': '.woff',
    'font/woff2': '.woff2',
  }
  return known[type] ?? '.bin'
}

/** A HAR entry for a request and its response, the body stored in `bodyFile` (relative to the HAR's folder). */
export function makeEntry(
  request: { method: string; url: string; bodySha256: string | undefined; bodySize: number },
  response: { status: number; statusText: string; headers: HarHeader[]; bodySize: number; bodyFile: string | undefined },
): HarEntry {
  const url = new URL(request.url)
  const mimeType = response.headers.find((h) => h.name === 'content-type')?.value ?? ''
  return {
    startedDateTime: FIXED_DATE,
    time: 0,
    request: {
      method: request.method.toUpperCase(),
      url: request.url,
      httpVersion: 'HTTP/1.1',
      headers: [],
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: request.bodySize,
      ...(request.bodySha256 !== undefined && { _bodySha256: request.bodySha256 }),
    },
    response: {
      status: response.status,
      statusText: response.statusText,
      httpVersion: 'HTTP/1.1',
      headers: response.headers,
      cookies: [],
      content: { size: response.bodySize, mimeType, ...(response.bodyFile !== undefined && { _file: response.bodyFile }) },
      redirectURL: response.headers.find((h) => h.name === 'location')?.value ?? '',
      headersSize: -1,
      bodySize: response.bodySize,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  }
}

/** The relative path of a body inside the recordings folder. */
export function bodyPath(sha: string, mimeType: string): string {
  return `${BODIES_DIR_NAME}/${sha}${bodyExtension(mimeType)}`
}

/** Reads a recordings file into a map by key; a missing file is an empty map, a broken one an error naming it. */
export function readHar(file: string): Map<string, HarEntry> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return new Map()
  }
  let har: Har
  try {
    har = JSON.parse(text) as Har
    if (!Array.isArray(har?.log?.entries)) throw new Error('no log.entries array')
  } catch (error) {
    throw new ImgmetaError(
      'config-failed',
      `${file}: not a readable HAR file (${(error as Error).message}); restore it from version control or delete it and run \`imgmeta update\`.`,
    )
  }
  return new Map(har.log.entries.map((entry) => [entryKey(entry), entry]))
}

/** Writes a recordings file atomically (a temporary file in the same folder, then rename), entries sorted by key. */
export function writeHar(file: string, entries: Iterable<HarEntry>, creatorVersion: string): void {
  const sorted = [...entries].sort((a, b) => (entryKey(a) < entryKey(b) ? -1 : entryKey(a) > entryKey(b) ? 1 : 0))
  const har: Har = { log: { version: '1.2', creator: { name: 'imgmeta', version: creatorVersion }, entries: sorted } }
  writeFileAtomic(file, `${JSON.stringify(har, null, 2)}\n`)
}

/** Writes a file through a temporary file in the same folder and a rename, so no reader sees it half written. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  writeFileSync(temp, data)
  renameSync(temp, file)
}
