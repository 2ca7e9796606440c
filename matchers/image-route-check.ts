import path from 'node:path'
import { checkRenderedImage, validateImageMetadata, type Violation } from '../src/contract.js'
import { DEFAULT_TIMEOUT_MS, withDeadline } from '../src/deadline.js'
import { ImgmetaError } from '../src/errors.js'
import { createImageRouteHandler } from '../src/handler.js'
import { nextControlFlow, routeAnswer, type NextControlFlow } from '../src/next-control-flow.js'
import { readImageDimensions } from '../src/image-size.js'
import { readBodyBounded } from '../src/read-body.js'
import { laidOutOf, type LaidOutImage } from '../og/laid-out.js'
import { hasGenerateImageMetadata, type ImageRouteModule } from '../src/image-route-module.js'
import { requireImageRoute } from '../src/image-route-file.js'
import { detectNextVersion, type NextMajor } from '../src/next-version.js'
import { generateParams, urlId } from '../src/resolve.js'
import { imageRoutePath, type ImageRoute, type Params } from '../src/route.js'
import { declaredId, violationsToFindings, type Finding } from './findings.js'
import { withMetadataOnce } from './metadata-once.js'

/** Options of checkImageRoute and of `toHaveValidImageMetadata`. */
export interface ImageRouteCheckOptions {
  /** The route file. Inferred for modules imported in the test through vitest; required otherwise. */
  file?: string
  /** Values of the route's dynamic segments (`{ slug: 'hats' }`); required when the route has any. */
  params?: Params
  /** The Next major whose behaviour applies; default: the `next` installed beside the file, else 16. */
  nextVersion?: NextMajor
  /** Request every image through the route handler and compare it with its item (default true for modules). */
  render?: boolean
  /** Check only the item with this id (route-level findings are always reported). */
  id?: string | number
  /** Check only the item at this index of generateImageMetadata's array (route-level findings are always reported). */
  index?: number
  /** The app root, when it is not the first folder named `app` in `file`. */
  appDir?: string
  /** Bound on each call of generateImageMetadata and of the image function (default 10 s). */
  timeoutMs?: number
  /**
   * Leave the body of an imgmeta/og ImageResponse unread: its size comes from the layout, `imageResponse` is
   * kept and `png` is rasterized when first read. testImageRoutes sets it when a snapshot comparison follows,
   * which may match by render key without rasterizing (see docs/matchers.md). Default false: every image is
   * rasterized during the check.
   */
  deferRaster?: boolean
}

/** One image the check requested: where Next serves it and what came back. */
export interface CheckedImage {
  /** The item's index in generateImageMetadata's array; undefined for a route without it. */
  index: number | undefined
  id: string | number | undefined
  /** The path Next writes into the page's tags (ids are not percent-encoded there). */
  pathname: string
  /** The response body when the route answered 200 with an image (with `deferRaster`, made when first read). */
  png?: Uint8Array
  /** With `deferRaster`, the route's imgmeta/og ImageResponse, its body unread. */
  imageResponse?: Response
  width?: number
  height?: number
  contentType?: string
  /** What imgmeta/og reported while laying the image out (CSS next/og ignores, unknown Tailwind classes, layout caveats). */
  warnings?: readonly string[]
}

/** Every finding about one route module (or one array), and each image it rendered. */
export interface ImageRouteCheck {
  /** The route file, when known. */
  file: string | undefined
  /** The route's URL path for the checked params, without id; undefined for a bare array with no file. */
  route: string | undefined
  findings: Finding[]
  images: CheckedImage[]
  /** What generateImageMetadata returned (when the module exports it and it did not throw). */
  items?: unknown
}

/** Violation codes after which an item has no URL Next could serve, so it is not requested. */
const UNSERVABLE_ITEM_CODES = new Set(['not-an-object', 'missing-id', 'invalid-id', 'falsy-id'])

/** Violation codes that leave nothing to request for the whole route. */
const UNSERVABLE_ROUTE_CODES = new Set(['not-an-array', 'too-many-items', 'catch-all-route'])

/** The origin requests are made against; the handler reads only the path. */
const REQUEST_ORIGIN = 'http://localhost'

/** True for what `import()` of an image route gives: an object with a default export or generateImageMetadata. */
export function isImageRouteModule(value: unknown): value is ImageRouteModule {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Response) return false
  return 'default' in value || 'generateImageMetadata' in value
}

/**
 * Checks what generateImageMetadata returned (`items`, when no module is at hand) against the contract: every
 * violation, each tagged with the route (when `file` is given) and the item's id.
 */
export function checkImageMetadataItems(items: unknown, options: ImageRouteCheckOptions = {}): ImageRouteCheck {
  const route = options.file === undefined ? undefined : requireImageRoute(options.file, options.appDir)
  const routePath = route ? routePathOrTemplate(route, options.params) : undefined
  const violations = validateImageMetadata(items, {
    nextVersion: options.nextVersion ?? detectNextVersion(options.file ? path.dirname(options.file) : undefined),
    ...(route && { convention: route.convention, route }),
  })
  const findings = onlySelected(violationsToFindings(violations, items, routePath), options)
  const nothing = Array.isArray(items) ? selectsNothing(items, true, options, routePath) : undefined
  if (nothing) findings.push(nothing)
  return { file: options.file, route: routePath, findings, images: [], items }
}

/**
 * Checks an image route module as Next would run it: the items generateImageMetadata returns, and (with
 * `render`) each image requested at the URL Next puts in the page, compared with what its item declared.
 * Usage errors (no file, a missing param) throw an ImgmetaError; everything wrong with the route is a finding.
 */
export async function checkImageRoute(
  routeModule: ImageRouteModule,
  options: ImageRouteCheckOptions & { file: string },
): Promise<ImageRouteCheck> {
  // The check and every image request below see one call's items, as one request to Next would.
  const mod = withMetadataOnce(routeModule)
  const file = options.file
  const route = requireImageRoute(file, options.appDir)
  const params = options.params ?? {}
  const routePath = imageRoutePath(route, params)
  const nextVersion = options.nextVersion ?? detectNextVersion(path.dirname(path.resolve(file)))
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const result: ImageRouteCheck = { file, route: routePath, findings: [], images: [] }

  if (typeof mod.default !== 'function') {
    result.findings.push({
      code: 'missing-default-export',
      route: routePath,
      message: `Default export is missing in ${JSON.stringify(route.file)}: Next fails the build. Expected the image function as the default export.`,
    })
    return result
  }

  let items: unknown[]
  if (hasGenerateImageMetadata(mod)) {
    let returned: unknown
    try {
      const generate = mod.generateImageMetadata as (props: unknown) => unknown
      returned = await withDeadline(
        () => generate({ params: generateParams(route, params) }),
        timeoutMs,
        'generateImageMetadata',
        'generate-image-metadata-failed',
      )
    } catch (error) {
      const flow = nextControlFlow(error)
      result.findings.push(
        flow
          ? { code: flowCode(flow), route: routePath, message: `generateImageMetadata ${flowText(flow)} for params ${JSON.stringify(params ?? {})}; Next answers every image of ${routePath} with it.` }
          : { code: errorCode(error, 'generate-image-metadata-failed'), route: routePath, message: errorMessage(error) },
      )
      return result
    }
    result.items = returned
    const violations = validateImageMetadata(returned, { nextVersion, convention: route.convention, route })
    result.findings.push(...violationsToFindings(violations, returned, routePath))
    if (violations.some((v) => UNSERVABLE_ROUTE_CODES.has(v.code))) return finish(result, options)
    items = returned as unknown[]
  } else {
    const violations = validateModuleExports(mod, route, nextVersion)
    result.findings.push(...violations.map((v) => ({ code: v.code, route: routePath, message: v.message })))
    items = [staticItem(mod)]
  }
  if (options.render === false) {
    const nothing = selectsNothing(items, hasGenerateImageMetadata(mod), options, routePath)
    if (nothing) result.findings.push(nothing)
    return finish(result, options)
  }

  const unservable = new Set(
    result.findings.filter((f) => f.index !== undefined && UNSERVABLE_ITEM_CODES.has(f.code)).map((f) => f.index),
  )
  const withIds = hasGenerateImageMetadata(mod)
  const nothing = selectsNothing(items, withIds, options, routePath)
  if (nothing) {
    result.findings.push(nothing)
    return finish(result, options)
  }
  const handler = createImageRouteHandler(mod, { file, nextVersion, timeoutMs, ...(options.appDir !== undefined && { appDir: options.appDir }) })
  for (const [i, item] of items.entries()) {
    const index = withIds ? i : undefined
    const id = withIds ? declaredId(item) : undefined
    if (index !== undefined && unservable.has(index)) continue
    if (options.id !== undefined && String(id) !== String(options.id)) continue
    if (options.index !== undefined && index !== options.index) continue
    // The path Next writes into the page: the id as a string, not percent-encoded.
    const idSegment = withIds ? String(urlId((item as { id?: unknown }).id, i, nextVersion)) : ''
    const checked: CheckedImage = { index, id, pathname: idSegment ? `${routePath}/${idSegment}` : routePath }
    result.images.push(checked)
    const findings = await requestImage(handler, checked, item, route, routePath, withIds, options.deferRaster === true, timeoutMs)
    result.findings.push(...findings)
  }
  return finish(result, options)
}

/**
 * The finding for an `id` or `index` option that selects no item (a check of nothing must not pass), naming
 * the ids there are; undefined when the option selects an item or none was given.
 */
function selectsNothing(items: readonly unknown[], withIds: boolean, options: ImageRouteCheckOptions, routePath: string | undefined): Finding | undefined {
  if (options.id === undefined && options.index === undefined) return undefined
  const selected = items.some(
    (item, i) =>
      withIds &&
      (options.id === undefined || String(declaredId(item)) === String(options.id)) &&
      (options.index === undefined || i === options.index),
  )
  if (selected) return undefined
  const ids = withIds ? items.map((item) => declaredId(item)).filter((id) => id !== undefined) : []
  const asked = [options.id !== undefined && `id ${JSON.stringify(options.id)}`, options.index !== undefined && `index ${options.index}`].filter(Boolean).join(' and ')
  const there = !withIds
    ? 'the route has no generateImageMetadata, so it has no ids; drop the option'
    : `${items.length === 1 ? 'there is 1 item' : `there are ${items.length} items`}${ids.length ? ` with ${ids.length === 1 ? 'id' : 'ids'} ${ids.map((id) => JSON.stringify(id)).join(', ')}` : ''}`
  return { code: 'no-such-item', ...(routePath !== undefined && { route: routePath }), message: `The ${asked} option selects no item: ${there}.` }
}

/** Requests one image as a browser following the page's tag would, and compares it with its item. */
async function requestImage(
  handler: (request: Request) => Promise<Response>,
  image: CheckedImage,
  item: unknown,
  route: ImageRoute,
  routePath: string,
  withIds: boolean,
  deferRaster: boolean,
  timeoutMs: number,
): Promise<Finding[]> {
  const where = { route: routePath, ...(image.id !== undefined && { id: image.id }), ...(image.index !== undefined && { index: image.index }) }
  let response: Response
  let bytes: Uint8Array | undefined
  let laidOut: LaidOutImage | undefined
  try {
    response = await handler(new Request(new URL(image.pathname, REQUEST_ORIGIN)))
    const layout = deferRaster && response.ok ? laidOutOf(response) : undefined
    if (layout) laidOut = await layout
    else bytes = await readBodyBounded(response, { label: `GET ${image.pathname}`, timeoutMs })
  } catch (error) {
    return [{ ...where, code: errorCode(error, 'render-failed'), message: stripLabel(errorMessage(error), route) }]
  }
  const answer = routeAnswer(response)
  if (answer) {
    return [{ ...where, code: flowCode(answer), message: `GET ${image.pathname}: the image function ${flowText(answer)}, so Next answers ${response.status} and the page's tag points at no image.` }]
  }
  if (response.status === 404) {
    return [{
      ...where,
      code: 'not-found',
      message: `GET ${image.pathname} answered 404 Not Found, expected 200 with the image: the URL Next writes into the page for this id reaches no image.`,
    }]
  }
  if (!response.ok) {
    return [{
      ...where,
      code: 'render-failed',
      message: `GET ${image.pathname} answered ${response.status} ${response.statusText}, expected 200 with the image.`,
    }]
  }
  const contentType = response.headers.get('content-type') ?? ''
  image.contentType = contentType
  // A body read as bytes was laid out too: its layout (already settled) still holds the warnings.
  const warnings = (laidOut ?? (await laidOutOf(response)?.catch(() => undefined)))?.warnings
  if (warnings && warnings.length > 0) image.warnings = warnings
  if (laidOut) {
    keepUnread(image, response, laidOut)
  } else {
    const notAnImage = readBody(image, bytes!, contentType, where)
    if (notAnImage) return [notAnImage]
  }
  const at = `[${image.index ?? 0}]`
  const violations = checkRenderedImage(item, { width: image.width!, height: image.height!, contentType }, at)
  return violations.map((v) => ({ ...where, code: v.code, message: withIds ? v.message : aboutExports(v.message, at) }))
}

/** The finding code of a route's own notFound() or redirect(). */
function flowCode(flow: NextControlFlow): string {
  return flow.kind === 'not-found' ? 'route-not-found' : 'route-redirected'
}

function flowText(flow: NextControlFlow): string {
  return flow.kind === 'not-found' ? 'called notFound()' : `called redirect(${JSON.stringify(flow.location)}) (${flow.status})`
}

/** Records an unread ImageResponse with the size of its layout; `png` rasterizes it when first read. */
function keepUnread(image: CheckedImage, response: Response, laidOut: LaidOutImage): void {
  image.imageResponse = response
  image.width = laidOut.width
  image.height = laidOut.height
  Object.defineProperty(image, 'png', { enumerable: true, configurable: true, get: () => laidOut.png() })
}

/** Records the size of a body read as bytes, or returns the finding when it is no image. */
function readBody(image: CheckedImage, bytes: Uint8Array, contentType: string, where: Omit<Finding, 'code' | 'message'>): Finding | undefined {
  const dimensions = readImageDimensions(bytes)
  if (!dimensions) {
    return {
      ...where,
      code: 'not-an-image',
      message: `GET ${image.pathname} answered ${contentType || 'no content-type'} with ${bytes.length} bytes that are not a PNG, JPEG, GIF, WebP or ICO image; expected an image such as new ImageResponse(...) renders.`,
    }
  }
  image.png = bytes
  image.width = dimensions.width
  image.height = dimensions.height
  return undefined
}

/**
 * A route without generateImageMetadata is one image described by its `size`, `contentType` and `alt`
 * exports; they follow the same rules as an item's fields.
 */
function validateModuleExports(mod: ImageRouteModule, route: ImageRoute, nextVersion: NextMajor): Violation[] {
  // The placeholder id keeps validateImageMetadata from reporting the id such a route does not have.
  const violations = validateImageMetadata([{ id: 'exports', ...staticItem(mod) }], { nextVersion, convention: route.convention })
  return violations.map((v) => ({ ...v, path: v.path.replace(/^\[0\]\.?/, ''), message: aboutExports(v.message, '[0]') }))
}

function staticItem(mod: ImageRouteModule): Record<string, unknown> {
  const item: Record<string, unknown> = {}
  for (const key of ['size', 'contentType', 'alt'] as const) if (mod[key] !== undefined) item[key] = mod[key]
  return item
}

/** Rewords a message about `item [0]` for a route whose only "item" is its own exports. */
function aboutExports(message: string, at: string): string {
  return message.replaceAll(`of item ${at}`, 'exported by the route').replaceAll(`item ${at}`, 'the route')
}

/** The route path for these params, or its template when a param is missing (arrays are checked without URLs). */
function routePathOrTemplate(route: ImageRoute, params: Params | undefined): string {
  try {
    return imageRoutePath(route, params ?? {})
  } catch {
    return route.pathTemplate
  }
}

function finish(result: ImageRouteCheck, selection: ImageRouteCheckOptions): ImageRouteCheck {
  result.findings = onlySelected(result.findings, selection)
  return result
}

/** With an `id` or `index` option, keeps findings about that item and about the route as a whole. */
function onlySelected(findings: Finding[], { id, index }: ImageRouteCheckOptions): Finding[] {
  return findings.filter(
    (f) =>
      f.index === undefined ||
      ((id === undefined || (f.id !== undefined && String(f.id) === String(id))) && (index === undefined || f.index === index)),
  )
}

function errorCode(error: unknown, fallback: string): string {
  return error instanceof ImgmetaError ? String(error.code) : fallback
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Drops the `<file> (route …, id …): ` label src/ puts before its messages: the finding line names both. */
function stripLabel(message: string, route: ImageRoute): string {
  if (!message.startsWith(`${route.file} (route `)) return message
  const end = message.indexOf('): ')
  return end === -1 ? message : message.slice(end + 3)
}
