import { ImgmetaError } from '../src/errors.js'
import { DEFAULT_TIMEOUT_MS } from '../src/deadline.js'
import { isPng } from '../src/png.js'
import { readBodyBounded } from '../src/read-body.js'

/** The values `toMatchImageSnapshot` accepts: PNG bytes, a base64 string, a `Response`, or `{ png }`. */
export type ReceivedImage =
  | Uint8Array
  | ArrayBuffer
  | string
  | Response
  | { png: Uint8Array }
  | Promise<Uint8Array | ArrayBuffer | string | Response | { png: Uint8Array }>

/** The largest received image accepted, in bytes (a 8192×8192 RGBA PNG stored uncompressed is 256 MiB). */
export const MAX_RECEIVED_BYTES = 300 * 1024 * 1024

interface ResponseLike {
  status: number
  ok: boolean
  bodyUsed: boolean
  headers: { get(name: string): string | null }
  arrayBuffer(): Promise<ArrayBuffer>
}

function isResponseLike(value: object): value is ResponseLike {
  const candidate = value as Partial<ResponseLike>
  return (
    typeof candidate.arrayBuffer === 'function' &&
    typeof candidate.status === 'number' &&
    typeof candidate.headers === 'object' &&
    candidate.headers !== null
  )
}

/** Names a value's type for error messages (`a string`, `an object with keys a, b`, `null`). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (typeof value === 'string') return `a string of ${value.length} characters`
  if (typeof value !== 'object') return `a ${typeof value}`
  const name = (value as { constructor?: { name?: string } }).constructor?.name
  if (name && name !== 'Object') return `a ${name}`
  const keys = Object.keys(value).slice(0, 5)
  return keys.length ? `an object with keys ${keys.join(', ')}` : 'an empty object'
}

function unsupported(value: unknown, label: string): ImgmetaError {
  return new ImgmetaError(
    'unsupported-image-source',
    `${label}: expected PNG bytes (Buffer, Uint8Array, ArrayBuffer), a Response such as ImageResponse, or a ` +
      `rendered image { png }, but received ${describeValue(value)}.`,
  )
}

function asBytes(value: Uint8Array | ArrayBuffer): Uint8Array {
  return value instanceof Uint8Array ? value : new Uint8Array(value)
}

function checkPng(bytes: Uint8Array, label: string, source: string): Uint8Array {
  if (bytes.byteLength > MAX_RECEIVED_BYTES) {
    throw new ImgmetaError(
      'image-too-large',
      `${label}: the received ${source} is ${bytes.byteLength} bytes, more than the limit of ${MAX_RECEIVED_BYTES}.`,
    )
  }
  if (!isPng(bytes)) {
    const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(8, bytes.byteLength)).toString('hex')
    throw new ImgmetaError(
      'invalid-image',
      `${label}: the received ${source} is not a PNG (${bytes.byteLength} bytes starting with ` +
        `${start || 'nothing'}); toMatchImageSnapshot compares PNG images only.`,
    )
  }
  return bytes
}

/**
 * Turns what a test passes to `toMatchImageSnapshot` into PNG bytes. `label` names the assertion in errors.
 * Strings are read as base64, as jest-image-snapshot does.
 */
export async function receivedToPng(received: unknown, label: string): Promise<Uint8Array> {
  const value = await received
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return checkPng(asBytes(value), label, 'bytes')
  if (typeof value === 'string') return checkPng(Buffer.from(value, 'base64'), label, 'base64 string')
  if (typeof value !== 'object' || value === null) throw unsupported(value, label)
  if (isResponseLike(value)) {
    if (value.bodyUsed) {
      throw new ImgmetaError(
        'unsupported-image-source',
        `${label}: the received Response's body was already read; pass a fresh Response or its bytes.`,
      )
    }
    if (!value.ok) {
      throw new ImgmetaError(
        'invalid-image',
        `${label}: the received Response has status ${value.status}; expected a 2xx PNG response.`,
      )
    }
    const type = value.headers.get('content-type') ?? 'no content-type'
    // A real Response is read as a stream, bounded in size and time while it is read.
    const body =
      value instanceof Response
        ? await readBodyBounded(value, { label: `${label}: the received Response`, timeoutMs: DEFAULT_TIMEOUT_MS, maxBytes: MAX_RECEIVED_BYTES })
        : new Uint8Array(await value.arrayBuffer())
    return checkPng(body, label, `Response body (${type})`)
  }
  const png = (value as { png?: unknown }).png
  if (png instanceof Uint8Array || png instanceof ArrayBuffer) return checkPng(asBytes(png), label, '`png` bytes')
  throw unsupported(value, label)
}
