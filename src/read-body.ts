import { ImgmetaError } from './errors.js'

/** The largest response body imgmeta reads, in bytes (an 8192×8192 RGBA PNG stored uncompressed is 256 MiB). */
export const MAX_BODY_BYTES = 300 * 1024 * 1024

/** Bounds of {@link readBodyBounded}. */
export interface ReadBodyOptions {
  /** Names the response in errors: file, route and id. */
  label: string
  /** The body must end within this many milliseconds. */
  timeoutMs: number
  /** The body may hold at most this many bytes (default {@link MAX_BODY_BYTES}). */
  maxBytes?: number
}

/**
 * Reads a response body as a stream, bounded while it is read: past `maxBytes` or after `timeoutMs` the stream
 * is cancelled and an ImgmetaError (`image-too-large`, `timeout`) names `label`. A body that never ends, or a
 * 1 GiB one, is never buffered whole.
 */
export async function readBodyBounded(response: Response, options: ReadBodyOptions): Promise<Uint8Array<ArrayBuffer>> {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES
  if (!response.body) return new Uint8Array(0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new ImgmetaError(
          'timeout',
          `${options.label}: the response body did not end within ${options.timeoutMs} ms; make the stream close, or raise timeoutMs.`,
        ),
      )
    }, options.timeoutMs)
    // Not unref'd: a body that never ends may be all that is left to wait for, and the process must wait for the
    // deadline to report it rather than exit with the read unsettled.
  })
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), timeout])
      if (done) break
      total += value.byteLength
      if (total > maxBytes) {
        throw new ImgmetaError('image-too-large', `${options.label}: the response body is more than ${maxBytes} bytes; it was not read further.`)
      }
      chunks.push(value)
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined)
    throw error
  } finally {
    clearTimeout(timer)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
