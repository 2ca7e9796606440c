import path from 'node:path'
import { checkOptions, type OptionRules } from './check-options.js'
import { assertNotUnderCatchAll, describe } from './contract.js'
import { DEFAULT_TIMEOUT_MS, withDeadline } from './deadline.js'
import { ImgmetaError } from './errors.js'
import { hasGenerateImageMetadata, type ImageRouteModule } from './image-route-module.js'
import { requireDefaultExport, requireImageRoute } from './image-route-file.js'
import { DEFAULT_NEXT_MAJOR, type NextMajor } from './next-version.js'
import { fileQueryHash, queryHash } from './query-hash.js'
import { METADATA_BASE, NEXT_VERSION, PAGE_EXTENSIONS, PARAMS, PATH, TIMEOUT_MS } from './option-rules.js'
import { imageRoutePath, type Convention, type ImageRoute, type Params } from './route.js'

/** One image as Next lists it in the page's metadata: the URL and the fields its head tags carry. */
export interface ResolvedImage {
  /** The id as it appears in the URL's last segment (the index on 14/15 when the item has none); undefined without generateImageMetadata. */
  id: string | number | undefined
  /** The URL with its `?query` (absolute for og/twitter when metadataBase is given). */
  url: string
  /** The path without the query, as a request for the image carries it. */
  pathname: string
  /** `contentType`, or `image/png` when none is declared. */
  type: string
  alt?: string
  /** Icons: `"<width>x<height>"`. */
  sizes?: string
  /** Open Graph and Twitter images. */
  width?: number
  height?: number
}

/** Options of resolveImageMetadata. */
export interface ResolveOptions {
  /** The route file's path; its folders give the URL, its bytes give the `?query`. */
  file: string
  /** Values for the route's dynamic segments. */
  params?: Params
  nextVersion?: NextMajor
  /** The app root, when it is not the first folder called `app` in `file`. */
  appDir?: string
  /** Makes og/twitter URLs absolute, as Next does with `metadataBase`. */
  metadataBase?: string | URL
  /** Bound on generateImageMetadata's run time (default 10 s). */
  timeoutMs?: number
  /** The file's bytes, when `file` cannot be read from disk; without either, URLs carry no `?query`. */
  source?: string | Uint8Array
  pageExtensions?: readonly string[]
}

const RESOLVE_OPTIONS: OptionRules = {
  file: PATH,
  params: PARAMS,
  nextVersion: NEXT_VERSION,
  appDir: PATH,
  metadataBase: METADATA_BASE,
  timeoutMs: TIMEOUT_MS,
  source: { accepts: "a string or a Uint8Array of the file's bytes", test: (v) => typeof v === 'string' || v instanceof Uint8Array },
  pageExtensions: PAGE_EXTENSIONS,
}

/** Conventions whose images carry numeric width/height instead of `sizes`. */
export function isSocialConvention(convention: Convention): boolean {
  return convention === 'opengraph-image' || convention === 'twitter-image'
}

/**
 * Runs the module's generateImageMetadata the way Next does when it builds a page's metadata and returns each
 * image's URL, type, alt and size, per Next version (the id fallback differs between 14/15 and 16).
 */
export async function resolveImageMetadata(mod: ImageRouteModule, options: ResolveOptions): Promise<ResolvedImage[]> {
  checkOptions('resolveImageMetadata', options, RESOLVE_OPTIONS, ['file'])
  const version = options.nextVersion ?? DEFAULT_NEXT_MAJOR
  const route = requireImageRoute(options.file, options.appDir, options.pageExtensions)
  if (route.source === 'static') {
    throw new ImgmetaError(
      'invalid-option',
      `${route.file} is a static image file: it has no module to run. Use pageImageTags for static files.`,
    )
  }
  requireDefaultExport(mod, route)
  const routePath = imageRoutePath(route, options.params ?? {})
  const hash = options.source !== undefined ? await queryHash(options.source) : await fileQueryHash(options.file)
  const query = hash ? `?${hash}` : ''

  // Real 14, 15 and 16 builds cannot serve any image route below a catch-all, with or without ids.
  assertNotUnderCatchAll(route)
  if (!hasGenerateImageMetadata(mod)) {
    return [toResolved(route, routePath, undefined, mod, query, options.metadataBase)]
  }
  const items = await callGenerateImageMetadata(mod, route, options.params, options.timeoutMs)
  return items.map((item, index) => {
    if (typeof item !== 'object' || item === null) {
      throw new ImgmetaError(
        'invalid-image-metadata',
        `${route.file} (route ${route.pathTemplate}): generateImageMetadata returned ${describe(item)} as item [${index}]; expected an object with an id.`,
      )
    }
    const record = item as Record<string, unknown>
    return toResolved(route, routePath, urlId(record.id, index, version), record, query, options.metadataBase)
  })
}

/**
 * Calls generateImageMetadata with the props Next gives it in every version: plain params, `{}` when the
 * route has no dynamic segment. Bounded by `timeoutMs`; anything but an array is an ImgmetaError.
 */
export async function callGenerateImageMetadata(
  mod: ImageRouteModule,
  route: ImageRoute,
  params: Params | undefined,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<unknown[]> {
  const generate = mod.generateImageMetadata as (props: unknown) => unknown
  const what = `${route.file} (route ${route.pathTemplate}): generateImageMetadata`
  const result = await withDeadline(
    () => generate({ params: generateParams(route, params) }),
    timeoutMs,
    what,
    'generate-image-metadata-failed',
  )
  if (!Array.isArray(result)) {
    throw new ImgmetaError(
      'invalid-image-metadata',
      `${what} returned ${describe(result)}; expected an array of { id, size?, alt?, contentType? } items (Next calls .map on it).`,
    )
  }
  return result
}

/**
 * The params generateImageMetadata receives: only the route's own dynamic segments, `{}` when it has none (real
 * 14.2, 15.5 and 16.4 builds pass `{}` both when rendering a page and in the image route itself).
 */
export function generateParams(route: ImageRoute, params: Params | undefined): Params {
  const out: Params = {}
  for (const p of route.params) {
    if (params && p.name in params) out[p.name] = params[p.name]
  }
  return out
}

/**
 * The id segment Next writes into an item's URL. 16 stringifies whatever is there (`undefined` → "undefined");
 * 14 and 15 fall back to the array index for a missing or falsy id.
 */
export function urlId(id: unknown, index: number, version: NextMajor): string | number {
  if (version === 16) return id === undefined || id === null ? String(id) : (id as string | number)
  return id ? (id as string | number) : index
}

function toResolved(
  route: ImageRoute,
  routePath: string,
  id: string | number | undefined,
  fields: Record<string, unknown>,
  query: string,
  metadataBase: string | URL | undefined,
): ResolvedImage {
  const idText = id === undefined ? '' : String(id)
  // Next appends the id only when its string is non-empty (16: `idParam ? '/' + idParam : ''`).
  const pathname = idText ? `${routePath}/${idText}` : routePath
  const relative = pathname + query
  const social = isSocialConvention(route.convention)
  const url = social && metadataBase !== undefined ? absoluteUrl(relative, metadataBase) : relative
  const image: ResolvedImage = {
    id,
    url,
    pathname,
    type: typeof fields.contentType === 'string' && fields.contentType ? fields.contentType : 'image/png',
  }
  if (fields.alt !== undefined) image.alt = fields.alt as string
  const size = fields.size as { width?: number; height?: number } | undefined
  if (size) {
    if (social) {
      image.width = size.width as number
      image.height = size.height as number
    } else {
      image.sizes = `${String(size.width)}x${String(size.height)}`
    }
  }
  return image
}

/**
 * Next's resolveUrl: a URL that parses on its own (`https://cdn…`) is kept; otherwise the metadataBase's path
 * joined with the URL's path, parsed (so spaces become %20).
 */
export function absoluteUrl(url: string, metadataBase: string | URL): string {
  if (URL.canParse(url)) return new URL(url).toString()
  const base = new URL(metadataBase)
  return new URL(path.posix.join(base.pathname || '', url), base).toString()
}
