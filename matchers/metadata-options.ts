import { didYouMean } from '../src/closest-name.js'
import { ImgmetaError } from '../src/errors.js'
import { TIMEOUT_MS } from '../src/option-rules.js'
import type { ImageRouteCheckOptions } from './image-route-check.js'

/** Every option name `toHaveValidImageMetadata` (and checkImageRoute) accepts. */
const OPTION_NAMES: readonly (keyof ImageRouteCheckOptions)[] = [
  'file',
  'params',
  'nextVersion',
  'render',
  'id',
  'index',
  'appDir',
  'timeoutMs',
  'deferRaster',
]

function invalid(message: string): ImgmetaError {
  return new ImgmetaError('invalid-option', `toHaveValidImageMetadata options: ${message}`)
}

/**
 * Checks the options of `toHaveValidImageMetadata` before anything runs: unknown names (with the closest known
 * one), types and ranges. A check that silently ignored a misspelled option would pass without checking.
 */
export function validateMetadataOptions(options: unknown): ImageRouteCheckOptions {
  if (options === undefined) return {}
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalid(`expected an object, got ${JSON.stringify(options)}.`)
  }
  const o = options as Record<string, unknown>
  for (const name of Object.keys(o)) {
    if (!(OPTION_NAMES as readonly string[]).includes(name)) {
      throw invalid(`unknown option "${name}"${didYouMean(name, OPTION_NAMES)}. Valid options: ${OPTION_NAMES.join(', ')}.`)
    }
  }
  for (const name of ['file', 'appDir'] as const) {
    if (o[name] !== undefined && typeof o[name] !== 'string') throw invalid(`${name} must be a string, got ${JSON.stringify(o[name])}.`)
  }
  for (const name of ['render', 'deferRaster'] as const) {
    if (o[name] !== undefined && typeof o[name] !== 'boolean') throw invalid(`${name} must be true or false, got ${JSON.stringify(o[name])}.`)
  }
  if (o.nextVersion !== undefined && o.nextVersion !== 14 && o.nextVersion !== 15 && o.nextVersion !== 16) {
    throw invalid(`nextVersion must be 14, 15 or 16, got ${JSON.stringify(o.nextVersion)}.`)
  }
  // The shared rule: a Node timer fires at once past 2^31-1 ms, so a longer deadline would end every step at once.
  if (o.timeoutMs !== undefined && !TIMEOUT_MS.test(o.timeoutMs)) {
    throw invalid(`timeoutMs must be ${TIMEOUT_MS.accepts}, got ${JSON.stringify(o.timeoutMs)}.`)
  }
  if (o.index !== undefined && !(Number.isSafeInteger(o.index) && (o.index as number) >= 0)) {
    throw invalid(`index must be a whole number ≥ 0, got ${JSON.stringify(o.index)}.`)
  }
  if (o.id !== undefined && typeof o.id !== 'string' && typeof o.id !== 'number') {
    throw invalid(`id must be a string or a number, got ${JSON.stringify(o.id)}.`)
  }
  if (o.params !== undefined && (typeof o.params !== 'object' || o.params === null || Array.isArray(o.params))) {
    throw invalid(`params must be an object such as { slug: "hats" }, got ${JSON.stringify(o.params)}.`)
  }
  return o as ImageRouteCheckOptions
}
