// vite's logger for the preview's render process. vite logs every error of an SSR module's evaluation with its
// stack before throwing it to the caller; the preview catches each (a setup file that needs vitest's mocker, a
// route that fails to load) and shows it in the gallery beside the image it costs, so the terminal would show
// the same failure twice, the first time as a raw vite stack.
import { stripVTControlCharacters } from 'node:util'
import type { Logger } from 'vite'

/** The start of vite's message for an SSR module that threw while evaluating (its colours taken off). */
const SSR_EVALUATION_ERROR = /^\s*Error when evaluating SSR module /

/** A logger at level `error` that leaves out what the gallery reports itself (see the file comment). */
export async function previewViteLogger(): Promise<Logger> {
  const { createLogger } = await import('vite')
  const logger = createLogger('error')
  const error = logger.error.bind(logger)
  logger.error = (message, options) => {
    if (SSR_EVALUATION_ERROR.test(stripVTControlCharacters(message))) return
    error(message, options)
  }
  return logger
}
