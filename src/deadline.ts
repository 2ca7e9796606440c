import { ImgmetaError } from './errors.js'
import { MAX_TIMER_MS } from './option-rules.js'

/** How long a user function (generateImageMetadata, the image function) may run before imgmeta gives up. */
export const DEFAULT_TIMEOUT_MS = 10_000

/**
 * Time an image test needs beside its user steps: the first render of a process (fonts, the rasterizer) and the
 * comparison with its snapshot, on a machine that may be loaded. Generous: it only bounds hangs.
 */
const IMAGE_TEST_OVERHEAD_MS = 30_000

/**
 * What one image test may take in all when each user step is bounded by `timeoutMs`: generateImageMetadata,
 * the image function and reading its body (each bounded), plus time to render and compare. vitest's own test
 * and hook timeouts are set to this, so they never end a test before imgmeta's deadlines report it.
 */
export function imageTestBudgetMs(timeoutMs: number): number {
  // Never past what a timer can wait: a longer delay fires at once.
  return Math.min(3 * timeoutMs + IMAGE_TEST_OVERHEAD_MS, MAX_TIMER_MS)
}

/**
 * When a process running image tests is killed because a route blocks its thread (a synchronous loop, which no
 * timer of that thread can interrupt): after the whole budget, so an image that merely runs slow is reported
 * by the ordinary deadlines first.
 */
export function hardDeadlineMs(timeoutMs: number): number {
  return Math.min(imageTestBudgetMs(timeoutMs) + 5_000, MAX_TIMER_MS)
}

/**
 * Runs `work` and rejects with an ImgmetaError `timeout` after `ms`; errors thrown by `work` become
 * `failureCode` errors whose message starts with `what`. The timer is cleared as soon as the work settles.
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
    // Not unref'd: a promise that never settles may be all that is left to wait for, and the process must wait
    // for the deadline to report it (it is cleared as soon as the work settles).
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
