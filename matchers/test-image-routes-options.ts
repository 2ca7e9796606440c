import { didYouMean } from '../src/closest-name.js'
import { ImgmetaError } from '../src/errors.js'
import { TIMEOUT_MS } from '../src/option-rules.js'

/** Every option name testImageRoutes accepts. */
const OPTION_NAMES = ['params', 'nextVersion', 'snapshot', 'snapshotsDir', 'load', 'timeoutMs', 'name', 'filter', 'deadlineLog', 'loadAhead']

function invalid(message: string): ImgmetaError {
  return new ImgmetaError('invalid-option', `testImageRoutes options: ${message}`)
}

/**
 * Checks testImageRoutes' options before any test is declared: unknown names (with the closest known one),
 * types and ranges. A misspelled `params` or `timeoutMs` would otherwise be ignored without a word.
 */
export function validateTestImageRoutesOptions(options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalid(`expected an object, got ${JSON.stringify(options)}.`)
  }
  const o = options as Record<string, unknown>
  for (const name of Object.keys(o)) {
    if (!OPTION_NAMES.includes(name)) {
      throw invalid(`unknown option "${name}"${didYouMean(name, OPTION_NAMES)}. Valid options: ${OPTION_NAMES.join(', ')}.`)
    }
  }
  if (o.nextVersion !== undefined && o.nextVersion !== 14 && o.nextVersion !== 15 && o.nextVersion !== 16) {
    throw invalid(`nextVersion must be 14, 15 or 16, got ${JSON.stringify(o.nextVersion)}.`)
  }
  // The shared rule: a Node timer fires at once past 2^31-1 ms, so a longer deadline would end every step at once.
  if (o.timeoutMs !== undefined && !TIMEOUT_MS.test(o.timeoutMs)) {
    throw invalid(`timeoutMs must be ${TIMEOUT_MS.accepts}, got ${JSON.stringify(o.timeoutMs)}.`)
  }
  if (o.loadAhead !== undefined && !(Number.isSafeInteger(o.loadAhead) && (o.loadAhead as number) >= 1)) {
    throw invalid(`loadAhead must be a whole number, at least 1, got ${JSON.stringify(o.loadAhead)}.`)
  }
  for (const name of ['snapshotsDir', 'name', 'deadlineLog']) {
    if (o[name] !== undefined && typeof o[name] !== 'string') throw invalid(`${name} must be a string, got ${JSON.stringify(o[name])}.`)
  }
  for (const name of ['load', 'filter']) {
    if (o[name] !== undefined && typeof o[name] !== 'function') throw invalid(`${name} must be a function.`)
  }
  if (o.snapshot !== undefined && typeof o.snapshot !== 'boolean' && (typeof o.snapshot !== 'object' || o.snapshot === null)) {
    throw invalid(`snapshot must be true, false or toMatchImageSnapshot options, got ${JSON.stringify(o.snapshot)}.`)
  }
  if (o.params !== undefined && typeof o.params !== 'function' && (typeof o.params !== 'object' || o.params === null || Array.isArray(o.params))) {
    throw invalid(`params must be an object keyed by route folder, or a function of the route.`)
  }
}
