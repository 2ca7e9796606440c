import { ImgmetaError } from './errors.js'

/** How long a user function (generateImageMetadata, the image function) may run before imgmeta gives up. */
export const DEFAULT_TIMEOUT_MS = 10_000

/**
 * Runs `work` and rejects with an ImgmetaError `timeout` after `ms`; errors thrown by `work` become
 * `failureCode` errors whose message starts with `what`. The timer never keeps the process alive.
 */
export async function withDeadline<T>(
  work: () => T | Promise<T>,
  ms: number,
  what: string,
  failureCode: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ImgmetaError(
            'timeout',
            `${what} did not settle within ${ms} ms; make it resolve (await every promise it starts) or raise the timeoutMs option.`,
          ),
        ),
      ms,
    )
    timer.unref?.()
  })
  try {
    return await Promise.race([Promise.resolve().then(work), timeout])
  } catch (cause) {
    if (cause instanceof ImgmetaError) throw cause
    throw new ImgmetaError(failureCode, `${what} threw: ${describeError(cause)}`, { cause })
  } finally {
    clearTimeout(timer)
  }
}

function describeError(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}
