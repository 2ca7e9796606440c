import type { OptionRule } from './check-options.js'

/** The largest delay a Node timer honours; a longer one fires at once (TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2 ** 31 - 1

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A file or folder path. */
export const PATH: OptionRule = { accepts: 'a non-empty string (a path)', test: (v) => typeof v === 'string' && v !== '' }

/** Any string (a URL pathname, a file's source). */
export const STRING: OptionRule = { accepts: 'a string', test: (v) => typeof v === 'string' }

/** The Next major whose behaviour to reproduce. */
export const NEXT_VERSION: OptionRule = { accepts: '14, 15 or 16', test: (v) => v === 14 || v === 15 || v === 16 }

/** A bound on a user function's run time, in milliseconds. */
export const TIMEOUT_MS: OptionRule = {
  accepts: `a whole number of milliseconds, at least 1 and at most ${MAX_TIMER_MS}`,
  test: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_TIMER_MS,
}

/** Next's `pageExtensions`: names without the dot. */
export const PAGE_EXTENSIONS: OptionRule = {
  accepts: 'a non-empty array of extensions without the dot, such as ["tsx", "ts"]',
  test: (v) => Array.isArray(v) && v.length > 0 && v.every((e) => typeof e === 'string' && e !== '' && !e.startsWith('.')),
}

/** Values for a route's dynamic segments: a string each, an array for catch-all segments. */
export const PARAMS: OptionRule = {
  accepts: 'an object of route params, each a string or an array of strings, such as { slug: "hats" }',
  test: (v) =>
    isPlainObject(v) &&
    Object.values(v).every((p) => p === undefined || typeof p === 'string' || (Array.isArray(p) && p.every((s) => typeof s === 'string'))),
}

/** An item id as generateImageMetadata returns it. */
export const ITEM_ID: OptionRule = {
  accepts: 'a string or a finite number',
  test: (v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
}

/** Next's `metadataBase`: an absolute URL. */
export const METADATA_BASE: OptionRule = {
  accepts: 'an absolute URL, as a string such as "https://example.com" or a URL',
  test: (v) => v instanceof URL || (typeof v === 'string' && URL.canParse(v)),
}

/** A module loader such as `(file) => import(file)`. */
export const LOADER: OptionRule = { accepts: 'a function (file) => Promise<module>', test: (v) => typeof v === 'function' }

/** A flag. */
export const BOOLEAN: OptionRule = { accepts: 'true or false', test: (v) => typeof v === 'boolean' }

/** One of a fixed set of strings, listed in the error. */
export function oneOf(values: readonly string[]): OptionRule {
  const quoted = values.map((v) => `"${v}"`)
  const accepts = quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`
  return { accepts, test: (v) => values.includes(v as string) }
}
