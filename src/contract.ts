import { checkOptions } from './check-options.js'
import { ImgmetaError } from './errors.js'
import { DEFAULT_NEXT_MAJOR, type NextMajor } from './next-version.js'
import { NEXT_VERSION, oneOf } from './option-rules.js'
import { CONVENTIONS, isUnderCatchAll, parseImageRoute, type Convention, type ImageRoute } from './route.js'

/** One broken rule of the contract: a stable kebab-case `code`, where (`[1].size.width`), and what and why. */
export interface Violation {
  code: ViolationCode
  /** Where in the returned value: `''` for the whole array, `[1].size.width` for a field. */
  path: string
  message: string
}

/** Every code validateImageMetadata and checkRenderedImage report. Stable: tools switch on them. */
export type ViolationCode =
  | 'not-an-array'
  | 'too-many-items'
  | 'not-an-object'
  | 'missing-id'
  | 'falsy-id'
  | 'invalid-id'
  | 'duplicate-id'
  | 'unroutable-id'
  | 'invalid-size'
  | 'invalid-content-type'
  | 'invalid-alt'
  | 'unknown-key'
  | 'catch-all-route'
  | 'size-mismatch'
  | 'content-type-mismatch'

/** The most items imgmeta inspects; beyond this the array is reported, not walked. */
export const MAX_ITEMS = 1000

/** The largest width or height accepted in a `size`: the renderer's and decoder's bound (8192). */
export const MAX_IMAGE_SIDE = 8192

/** The keys Next reads from an item; anything else is ignored by Next and is usually a typo. */
export const ITEM_KEYS: readonly string[] = ['id', 'alt', 'size', 'contentType']

/** Image MIME types browsers and crawlers understand for icons and social cards. */
export const IMAGE_CONTENT_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/svg+xml',
  'image/x-icon',
  'image/vnd.microsoft.icon',
  'image/bmp',
]

/** Characters that keep an id from ever matching the single `[__metadata_id__]` URL segment. */
const UNROUTABLE_CHARACTERS = ['/', '\\', '?', '#']

/** Likely intended keys for common misspellings, compared case- and separator-insensitively. */
const KEY_HINTS: Readonly<Record<string, string>> = {
  contenttype: 'contentType',
  type: 'contentType',
  mimetype: 'contentType',
  mime: 'contentType',
  format: 'contentType',
  sizes: 'size',
  width: 'size',
  height: 'size',
  dimensions: 'size',
  alttext: 'alt',
  title: 'alt',
  description: 'alt',
  key: 'id',
  name: 'id',
  slug: 'id',
}

/** Options of validateImageMetadata. */
export interface ValidateOptions {
  convention?: Convention
  nextVersion?: NextMajor
  /** The route file (or its parsed route): enables the catch-all check. */
  route?: ImageRoute | string
}

const VALIDATE_OPTIONS = {
  convention: oneOf(CONVENTIONS),
  nextVersion: NEXT_VERSION,
  route: {
    accepts: 'the route file\'s path or the route parseImageRoute returns',
    test: (v: unknown) => (typeof v === 'string' && v !== '') || (typeof v === 'object' && v !== null && typeof (v as ImageRoute).file === 'string'),
  },
}

/**
 * Checks what `generateImageMetadata` returned against the contract and reports every violation found (not the
 * first one), each with a stable code, a path and a message saying what was found and what was expected.
 */
export function validateImageMetadata(items: unknown, options: ValidateOptions = {}): Violation[] {
  checkOptions('validateImageMetadata', options, VALIDATE_OPTIONS)
  const version = options.nextVersion ?? DEFAULT_NEXT_MAJOR
  const out: Violation[] = []
  const route = typeof options.route === 'string' ? parseImageRoute(options.route) : options.route
  if (route && route.source === 'code' && isUnderCatchAll(route)) out.push(catchAllViolation(route))

  if (!Array.isArray(items)) {
    out.push({
      code: 'not-an-array',
      path: '',
      message: `generateImageMetadata returned ${describe(items)}; expected an array of { id, size?, alt?, contentType? } items.`,
    })
    return out
  }
  if (items.length > MAX_ITEMS) {
    out.push({
      code: 'too-many-items',
      path: '',
      message: `generateImageMetadata returned ${items.length} items; imgmeta checks at most ${MAX_ITEMS}, expected fewer.`,
    })
    return out
  }

  const firstIndexOfId = new Map<string, number>()
  items.forEach((item, index) => {
    const at = `[${index}]`
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      out.push({ code: 'not-an-object', path: at, message: `item ${at} is ${describe(item)}; expected an object { id, size?, alt?, contentType? }.` })
      return
    }
    const record = item as Record<string, unknown>
    checkId(record.id, at, index, version, firstIndexOfId, out)
    checkIdDecodes(record.id, at, items, out)
    if ('size' in record && record.size !== undefined) checkSize(record.size, at, out)
    if ('contentType' in record && record.contentType !== undefined) checkContentType(record.contentType, at, out)
    if ('alt' in record && record.alt !== undefined && typeof record.alt !== 'string') {
      out.push({ code: 'invalid-alt', path: `${at}.alt`, message: `alt of item ${at} is ${describe(record.alt)}; expected a string.` })
    }
    for (const key of Object.keys(record)) {
      if (ITEM_KEYS.includes(key)) continue
      const hint = KEY_HINTS[key.toLowerCase().replace(/[-_\s]/g, '')]
      out.push({
        code: 'unknown-key',
        path: `${at}.${key}`,
        message:
          `item ${at} has an unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; Next ignores it. ` +
          `Expected only ${ITEM_KEYS.join(', ')}.`,
      })
    }
  })
  return out
}

/** The violation for an image route below `[...x]` or `[[...x]]`, which real Next cannot serve, ids or not. */
export function catchAllViolation(route: ImageRoute): Violation {
  const segment = route.segments.find((s) => s.kind === 'catch-all' || s.kind === 'optional-catch-all')
  return {
    code: 'catch-all-route',
    path: '',
    message:
      `${route.file} sits below the catch-all segment ${segment?.raw ?? ''}: next build fails on 14 and 16 ` +
      `("Catch-all must be the last part of the URL") and 15 answers 500 for every request of the app, with or ` +
      `without generateImageMetadata. Expected the image route above the catch-all.`,
  }
}

/** Throws the catch-all violation as an ImgmetaError: such a route has no URL to resolve. */
export function assertNotUnderCatchAll(route: ImageRoute): void {
  if (isUnderCatchAll(route)) throw new ImgmetaError('catch-all-route', catchAllViolation(route).message)
}

function checkId(
  id: unknown,
  at: string,
  index: number,
  version: NextMajor,
  firstIndexOfId: Map<string, number>,
  out: Violation[],
): void {
  const path = `${at}.id`
  if (id === undefined || id === null) {
    out.push({
      code: 'missing-id',
      path,
      message:
        version === 16
          ? `item ${at} has no id (found ${describe(id)}): Next 16 builds the URL /undefined and fails with "id property is required for every item returned from generateImageMetadata". Expected a unique string or number id.`
          : `item ${at} has no id (found ${describe(id)}): Next ${version} serves it at the array index /${index} and throws in development. Expected a unique string or number id.`,
    })
    return
  }
  if (typeof id !== 'string' && typeof id !== 'number') {
    out.push({ code: 'invalid-id', path, message: `id of item ${at} is ${describe(id)}; expected a string or a number.` })
    return
  }
  if (typeof id === 'number' && !Number.isFinite(id)) {
    out.push({ code: 'invalid-id', path, message: `id of item ${at} is ${String(id)}; expected a finite number or a string.` })
    return
  }
  const text = String(id)
  if (!id && version !== 16) {
    out.push({
      code: 'falsy-id',
      path,
      message: `id of item ${at} is ${describe(id)}: Next ${version} treats a falsy id as missing and serves the item at the array index /${index}. Expected a non-empty id other than 0.`,
    })
    return
  }
  if (text === '') {
    out.push({ code: 'unroutable-id', path, message: `id of item ${at} is an empty string: its URL ends in "/" and no request can reach it. Expected a non-empty id.` })
    return
  }
  const bad = UNROUTABLE_CHARACTERS.find((c) => text.includes(c))
  if (bad !== undefined) {
    out.push({
      code: 'unroutable-id',
      path,
      message: `id of item ${at} is ${JSON.stringify(text)}, which contains "${bad}": the id fills a single URL segment, so this image can never be requested. Expected an id without / \\ ? #.`,
    })
  } else if (text === '.' || text === '..') {
    out.push({
      code: 'unroutable-id',
      path,
      message: `id of item ${at} is ${JSON.stringify(text)}: URLs resolve a "${text}" segment away (${text === '.' ? 'the route itself' : 'the parent folder'} is requested instead), so this image can never be requested. Expected another id.`,
    })
  }
  const first = firstIndexOfId.get(text)
  if (first !== undefined) {
    out.push({
      code: 'duplicate-id',
      path,
      message: `id of item ${at} is ${JSON.stringify(text)}, the same as item [${first}]: Next serves only the first match, so this image is unreachable. Expected unique ids.`,
    })
  } else {
    firstIndexOfId.set(text, index)
  }
}

/**
 * Next matches the request's id segment after percent-decoding it: an id such as `x%3Ay` is requested at a URL
 * that decodes to `x:y`, so Next serves the item whose id is `x:y` there (or answers 404), never this one.
 */
function checkIdDecodes(id: unknown, at: string, items: readonly unknown[], out: Violation[]): void {
  if (typeof id !== 'string' || !id.includes('%')) return
  let decoded: string
  try {
    decoded = decodeURIComponent(id)
  } catch {
    // Not a valid escape: Next answers 400 for such a URL.
    out.push({ code: 'unroutable-id', path: `${at}.id`, message: `id of item ${at} is ${JSON.stringify(id)}, which holds a malformed percent escape: the request for it fails before reaching the route. Expected an id without "%".` })
    return
  }
  if (decoded === id) return
  const other = items.findIndex((item) => typeof item === 'object' && item !== null && String((item as { id?: unknown }).id) === decoded)
  const served = other === -1 ? 'no item has that id, so Next answers 404' : `Next serves item [${other}]'s image there, so both ids share one URL`
  out.push({
    code: 'unroutable-id',
    path: `${at}.id`,
    message: `id of item ${at} is ${JSON.stringify(id)}: its URL decodes to ${JSON.stringify(decoded)} before Next matches ids; ${served}. Expected an id without percent escapes.`,
  })
}

function checkSize(size: unknown, at: string, out: Violation[]): void {
  if (typeof size !== 'object' || size === null || Array.isArray(size)) {
    out.push({ code: 'invalid-size', path: `${at}.size`, message: `size of item ${at} is ${describe(size)}; expected { width, height } in pixels.` })
    return
  }
  const record = size as Record<string, unknown>
  for (const side of ['width', 'height'] as const) {
    const value = record[side]
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > MAX_IMAGE_SIDE) {
      out.push({
        code: 'invalid-size',
        path: `${at}.size.${side}`,
        message: `size.${side} of item ${at} is ${describe(value)}; expected a whole number of pixels from 1 to ${MAX_IMAGE_SIDE}.`,
      })
    }
  }
}

function checkContentType(contentType: unknown, at: string, out: Violation[]): void {
  const path = `${at}.contentType`
  if (typeof contentType !== 'string') {
    out.push({ code: 'invalid-content-type', path, message: `contentType of item ${at} is ${describe(contentType)}; expected an image MIME type string such as "image/png".` })
    return
  }
  if (!IMAGE_CONTENT_TYPES.includes(contentType.toLowerCase())) {
    out.push({
      code: 'invalid-content-type',
      path,
      message: `contentType of item ${at} is "${contentType}"; expected an image MIME type: ${IMAGE_CONTENT_TYPES.join(', ')}.`,
    })
  }
}

/** What a rendered image turned out to be, for comparison with what its item declared. */
export interface RenderedFacts {
  width: number
  height: number
  contentType: string
}

/**
 * Compares an item's declared `size` and `contentType` with the image its default export really produced:
 * `size-mismatch` and `content-type-mismatch` (a contentType left out stands for `image/png`).
 */
export function checkRenderedImage(item: unknown, rendered: RenderedFacts, at = '[0]'): Violation[] {
  const out: Violation[] = []
  const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>
  const size = record.size as { width?: unknown; height?: unknown } | undefined
  if (size && typeof size === 'object' && (size.width !== rendered.width || size.height !== rendered.height)) {
    out.push({
      code: 'size-mismatch',
      path: `${at}.size`,
      message: `item ${at} declares size ${String(size.width)}×${String(size.height)} but the image function rendered ${rendered.width}×${rendered.height}; the tags would tell crawlers the wrong size. Expected them to match.`,
    })
  }
  const declared = typeof record.contentType === 'string' && record.contentType !== '' ? record.contentType : 'image/png'
  const real = rendered.contentType.split(';')[0]!.trim().toLowerCase()
  if (declared.toLowerCase() !== real) {
    out.push({
      code: 'content-type-mismatch',
      path: `${at}.contentType`,
      message: `item ${at} declares contentType "${declared}" but the image function answered "${real}"; contentType only changes the tag, not the image. Expected them to match.`,
    })
  }
  return out
}

/** A short description of a value for messages: `null`, `a Response`, `a Promise`, `the string "x"`. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`
  if (typeof value === 'function') return 'a function'
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof Response !== 'undefined' && value instanceof Response) return 'a Response'
  if (typeof (value as { then?: unknown }).then === 'function') return 'a Promise (await it first)'
  const name = (value as object).constructor?.name
  return name && name !== 'Object' ? `a ${name}` : 'an object'
}
