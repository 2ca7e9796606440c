// Every timeout in the test suite derives from this one constant (vitest.config.ts included), so that a loaded
// 2-core machine needs one change, not a hunt. Timeouts are upper bounds against hangs, never speed checks.

/** What one test may take on a loaded 2-core machine: several CLI runs, each starting vitest and vite. */
export const TEST_TIMEOUT_MS = 180_000

/** A timeout for work that is `factor` times a test (a whole packed install, a Chromium session). */
export function timeoutOf(factor: number): number {
  return Math.round(TEST_TIMEOUT_MS * factor)
}
