import { createHash } from 'node:crypto'

/** SHA-256 of bytes, hex: names a recorded body and tells request bodies apart. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * The key a response is recorded and replayed under: method, the whole URL (query string included) and a hash
 * of the request body, so that two GraphQL POSTs to one URL with different queries are two recordings.
 */
export function recordingKey(method: string, url: string, requestBodySha256: string | undefined): string {
  return `${method.toUpperCase()} ${url} ${requestBodySha256 ?? '-'}`
}

/** `GET https://cms.example.com/posts` as findings and listings show a recording. */
export function describeRequest(method: string, url: string): string {
  return `${method.toUpperCase()} ${url}`
}
