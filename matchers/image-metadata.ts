import { ImgmetaError } from '../src/errors.js'
import { countProblems, displayPath, formatFindings } from './findings.js'
import {
  checkImageMetadataItems,
  checkImageRoute,
  isImageRouteModule,
  type ImageRouteCheck,
  type ImageRouteCheckOptions,
} from './image-route-check.js'
import { validateMetadataOptions } from './metadata-options.js'
import { moduleFileOf } from './vitest-modules.js'

/**
 * Options of `toHaveValidImageMetadata`:
 * - `file`: the route file. Inferred when the module was imported in the test through vitest
 *   (`await import('../app/icon.tsx')`); pass it for a module built by hand or loaded some other way.
 * - `params`: values of the route's dynamic segments, e.g. `{ slug: 'hats' }`.
 * - `nextVersion`: 14, 15 or 16; default the `next` installed beside the file, else 16.
 * - `render`: request every image and compare it with its item (default true; arrays are never rendered).
 * - `id`: check one item only. `appDir`, `timeoutMs`: as in the reference implementation.
 */
export type ImageMetadataMatcherOptions = ImageRouteCheckOptions

/** The matcher context the matcher reads; vitest's `MatcherState` fits it. */
export interface ImageMetadataMatcherContext {
  isNot: boolean
}

/** What the matcher returns to vitest. */
export interface ImageMetadataMatcherResult {
  pass: boolean
  message: () => string
}

/**
 * `await expect(mod).toHaveValidImageMetadata(options?)`: passes when an image route module (or the array its
 * generateImageMetadata returned) breaks no rule of the contract and, for modules, every image renders at its
 * URL with the size and content type its item declares. Fails with every finding, one line each.
 */
export async function toHaveValidImageMetadata(
  this: ImageMetadataMatcherContext,
  received: unknown,
  options: ImageMetadataMatcherOptions = {},
): Promise<ImageMetadataMatcherResult> {
  options = validateMetadataOptions(options)
  const value = isThenable(received) ? await received : received
  let check: ImageRouteCheck
  if (isImageRouteModule(value)) {
    const file = options.file ?? moduleFileOf(value)
    if (file === undefined) {
      throw new ImgmetaError(
        'invalid-option',
        'toHaveValidImageMetadata: cannot tell which route file this module was loaded from (it was not imported ' +
          'through vitest in this test). Pass it: toHaveValidImageMetadata({ file: "app/icon.tsx" }).',
      )
    }
    check = await checkImageRoute(value, { ...options, file })
  } else {
    check = checkImageMetadataItems(value, options)
  }
  const subject = describeSubject(check, options, isImageRouteModule(value))
  const pass = check.findings.length === 0
  return {
    pass,
    message: () =>
      pass
        ? `expected ${subject} not to have valid image metadata, but it passed every check (${describeChecked(check, options, isImageRouteModule(value))})`
        : `expected ${subject} to have valid image metadata, but found ${countProblems(check.findings.length)}:\n` +
          formatFindings(check.findings),
  }
}

/** `image route app/icon.tsx with params {"slug":"hats"}`, or `the items of app/icon.tsx`, or `the items`. */
function describeSubject(check: ImageRouteCheck, options: ImageMetadataMatcherOptions, isModule: boolean): string {
  const file = check.file === undefined ? undefined : displayPath(check.file)
  const params = options.params && Object.keys(options.params).length > 0 ? ` with params ${JSON.stringify(options.params)}` : ''
  const id = options.id === undefined ? '' : `, id ${JSON.stringify(options.id)}`
  if (isModule) return `image route ${file ?? ''}${params}${id}`
  return `${file ? `the items of ${file}` : 'the items'}${params}${id}`
}

/** What a passing check covered, for the `.not` message. */
function describeChecked(check: ImageRouteCheck, options: ImageMetadataMatcherOptions, isModule: boolean): string {
  if (!isModule || options.render === false) return 'not rendered'
  const images = check.images.map((image) => `${image.pathname} ${image.width}×${image.height} ${image.contentType}`)
  return `${images.length} image${images.length === 1 ? '' : 's'} requested: ${images.join(', ')}`
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
}
