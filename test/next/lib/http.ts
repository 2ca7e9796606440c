// Requests to the running Next server and to imgmeta's handler, reduced to what the comparison reads.
import { readPngHeader, isPng } from '../../../src/png.js'

/** How long one request to the Next server may take. */
export const REQUEST_TIMEOUT_MS = 20_000
/** The largest response body read; the biggest fixture image is well under 1 MB. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024

/** One image response, as either side produced it. */
export interface ImageAnswer {
  status: number
  contentType: string
  cacheControl: string
  probe: string | undefined
  bytes: Uint8Array
  /** PNG size, when the body is a PNG. */
  width?: number
  height?: number
  text?: string
}

/** Reads a Response into an ImageAnswer (decoding only the PNG header). */
export async function readAnswer(response: Response, label: string): Promise<ImageAnswer> {
  const buffer = new Uint8Array(await response.arrayBuffer())
  if (buffer.byteLength > MAX_BODY_BYTES) throw new Error(`${label}: body of ${buffer.byteLength} bytes exceeds ${MAX_BODY_BYTES}`)
  const answer: ImageAnswer = {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    cacheControl: response.headers.get('cache-control') ?? '',
    probe: response.headers.get('x-imgmeta-probe') ?? undefined,
    bytes: buffer,
  }
  if (isPng(buffer)) {
    const header = readPngHeader(buffer, label)
    answer.width = header.width
    answer.height = header.height
  } else if (buffer.byteLength < 4096) {
    answer.text = new TextDecoder().decode(buffer)
  }
  return answer
}

/** GETs a path (already percent-encoded as a browser would send it) from the Next server. */
export async function get(origin: string, pathAndQuery: string): Promise<Response> {
  return fetch(origin + pathAndQuery, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), redirect: 'manual' })
}

/** The path and query a browser requests for an href as written in the HTML (spaces and non-ASCII get encoded). */
export function requestPath(href: string): string {
  const url = new URL(href, 'http://localhost')
  return url.pathname + url.search
}
