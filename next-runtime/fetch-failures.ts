// A route that fetches while imgmeta renders it offline must fail with the URL it fetched, not with undici's bare
// `TypeError: fetch failed` (whose reason hides in `cause`). Wraps the global fetch once; responses pass through.
import { ImgmetaError } from '../src/errors.js'

const WRAPPED = Symbol.for('imgmeta.fetch-failures')

/** The reason undici gives in `cause` (ENOTFOUND, ECONNREFUSED …), else the message itself. */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause
  if (typeof cause?.code === 'string') return cause.code
  if (typeof cause?.message === 'string') return cause.message
  return error instanceof Error ? error.message : String(error)
}

function urlOf(input: unknown): string {
  if (input instanceof Request) return input.url
  return String(input instanceof URL ? input.href : input)
}

/** Makes a failed `fetch(url)` throw an ImgmetaError `fetch-failed` that names the URL and the reason. */
export function nameFetchFailures(scope: { fetch?: typeof fetch } = globalThis): void {
  const original = scope.fetch
  if (typeof original !== 'function' || (original as unknown as Record<symbol, unknown>)[WRAPPED]) return
  const named = async function fetch(input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit): Promise<Response> {
    try {
      return await original(input, init)
    } catch (error) {
      if ((error as { name?: unknown })?.name === 'AbortError') throw error
      throw new ImgmetaError(
        'fetch-failed',
        `fetch(${urlOf(input)}) failed (${reasonOf(error)}); imgmeta renders images without the network.`,
        { cause: error },
      )
    }
  }
  Object.defineProperty(named, WRAPPED, { value: true })
  scope.fetch = named as typeof fetch
}
