import { checkOptions, type OptionRules } from './check-options.js'
import { assertNotUnderCatchAll, describe } from './contract.js'
import { DEFAULT_TIMEOUT_MS, withDeadline } from './deadline.js'
import { ImgmetaError } from './errors.js'
import { readImageDimensions } from './image-size.js'
import { readBodyBounded } from './read-body.js'
import { hasGenerateImageMetadata, type ImageRouteModule } from './image-route-module.js'
import { requireDefaultExport, requireImageRoute } from './image-route-file.js'
import { DEFAULT_NEXT_MAJOR, type NextMajor } from './next-version.js'
import { controlFlowResponse, nextControlFlow } from './next-control-flow.js'
import { callGenerateImageMetadata, generateParams } from './resolve.js'
import { BOOLEAN, ITEM_ID, NEXT_VERSION, PAGE_EXTENSIONS, PARAMS, PATH, TIMEOUT_MS } from './option-rules.js'
import { imageRoutePath, type ImageRoute, type Params } from './route.js'

/** The error text Next throws when an item has no id (`next-metadata-route-loader`). */
export const NEXT_MISSING_ID_MESSAGE = 'id property is required for every item returned from generateImageMetadata'

/** Options of createImageRouteHandler. */
export interface ImageRouteHandlerOptions {
  file: string
  nextVersion?: NextMajor
  appDir?: string
  /** Bound on generateImageMetadata and on the image function (default 10 s each). */
  timeoutMs?: number
  pageExtensions?: readonly string[]
}

const HANDLER_OPTIONS: OptionRules = {
  file: PATH,
  nextVersion: NEXT_VERSION,
  appDir: PATH,
  timeoutMs: TIMEOUT_MS,
  pageExtensions: PAGE_EXTENSIONS,
}

/** A request path split against an image route: the params and the id segment, both decoded. */
export interface ImageRequestMatch {
  params: Params
  /** The decoded id segment; undefined when the path has none. */
  id: string | undefined
}

/**
 * Builds the GET handler Next generates for an image route: it runs generateImageMetadata, matches the id
 * segment with `String(item.id) === segment` (first match wins), answers 404 `Not Found` for an unknown id and
 * calls the default export with the props the version passes (16: Promises, the id as the URL string).
 */
export function createImageRouteHandler(
  mod: ImageRouteModule,
  options: ImageRouteHandlerOptions,
): (request: Request) => Promise<Response> {
  checkOptions('createImageRouteHandler', options, HANDLER_OPTIONS, ['file'])
  const version = options.nextVersion ?? DEFAULT_NEXT_MAJOR
  const route = requireImageRoute(options.file, options.appDir, options.pageExtensions)
  if (route.source === 'static') {
    throw new ImgmetaError('invalid-option', `${route.file} is a static image file: Next serves its bytes as they are; there is no module to run.`)
  }
  const image = requireDefaultExport(mod, route)
  const withIds = hasGenerateImageMetadata(mod)
  // Real 14, 15 and 16 builds cannot serve any image route below a catch-all, with or without ids.
  assertNotUnderCatchAll(route)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS

  // notFound() and redirect() from the route (or generateImageMetadata) are answered as Next answers them.
  return async (request: Request): Promise<Response> => {
    try {
      return await handle(request)
    } catch (error) {
      const flow = nextControlFlow(error)
      if (flow) return controlFlowResponse(flow)
      throw error
    }
  }

  async function handle(request: Request): Promise<Response> {
    const match = matchImageRequest(route, new URL(request.url).pathname, { withIds, nextVersion: version })
    if (!match) return notFound(version, false)
    if (!withIds) {
      // Next hands the route's own params through; a route without dynamic segments has none (undefined).
      const params = route.params.length === 0 ? undefined : match.params
      return callImage(image, route, undefined, { params: version === 16 ? Promise.resolve(params) : params }, timeoutMs)
    }
    const segment = match.id as string
    const restParams = generateParams(route, match.params)
    const items = await callGenerateImageMetadata(mod, route, match.params, timeoutMs)
    let found: Record<string, unknown> | undefined
    for (const item of items) {
      const record = item as Record<string, unknown> | null | undefined
      if (record?.id == null) {
        throw new ImgmetaError(
          'invalid-image-metadata',
          `${route.file} (route ${route.pathTemplate}): ${NEXT_MISSING_ID_MESSAGE} (item [${items.indexOf(item)}] has ${describe(record?.id)}). Give every item a unique id.`,
          { cause: new Error(NEXT_MISSING_ID_MESSAGE) },
        )
      }
      if (String(record.id) === segment) {
        found = record
        break
      }
    }
    if (!found) return notFound(version, true)
    const props =
      version === 16
        ? { params: Promise.resolve(restParams), id: Promise.resolve(segment) }
        : { params: restParams, id: found.id as string | number }
    return callImage(image, route, segment, props, timeoutMs)
  }
}

async function callImage(
  image: (props: unknown) => unknown,
  route: ImageRoute,
  id: string | undefined,
  props: unknown,
  timeoutMs: number,
): Promise<Response> {
  const what = `${route.file} (route ${route.pathTemplate}${id === undefined ? '' : `, id ${JSON.stringify(id)}`}): the default export`
  const result = await withDeadline(() => image(props), timeoutMs, what, 'render-failed')
  if (!(result instanceof Response)) {
    throw new ImgmetaError('render-failed', `${what} returned ${describe(result)}; expected a Response such as new ImageResponse(...).`)
  }
  return result
}

/** Next's answer for an unknown id: 404 `Not Found`, text/plain (16 also sends a long s-maxage). */
function notFound(version: NextMajor, fromRoute: boolean): Response {
  const headers: Record<string, string> = { 'content-type': 'text/plain;charset=UTF-8' }
  if (version === 16 && fromRoute) headers['cache-control'] = 's-maxage=31536000'
  return new Response('Not Found', { status: 404, headers })
}

/**
 * Splits a request path against a route's template: the params (decoded) and the id segment. Null when the
 * path is not this route's. 15 and 16 require exactly one id segment; 14's optional catch-all accepts extra
 * segments after the id and ignores them.
 */
export function matchImageRequest(
  route: ImageRoute,
  pathname: string,
  options: { withIds: boolean; nextVersion?: NextMajor },
): ImageRequestMatch | null {
  checkOptions('matchImageRequest', options, { withIds: BOOLEAN, nextVersion: NEXT_VERSION }, ['withIds'])
  const version = options.nextVersion ?? DEFAULT_NEXT_MAJOR
  let parts: string[]
  try {
    parts = pathname.split('/').slice(1).map((p) => decodeURIComponent(p))
  } catch {
    return null
  }
  const name = route.pathTemplate.slice(route.pathTemplate.lastIndexOf('/') + 1)
  const template = route.segments.filter((s) => s.kind !== 'group' && s.kind !== 'slot')

  const walk = (t: number, r: number, params: Params): ImageRequestMatch | null => {
    if (t === template.length) {
      if (parts[r] !== name) return null
      const rest = parts.slice(r + 1)
      if (!options.withIds) return rest.length === 0 ? { params, id: undefined } : null
      if (rest.length === 0) return null
      if (rest.length > 1 && version !== 14) return null
      return { params, id: rest[0] }
    }
    const segment = template[t]!
    const part = parts[r]
    if (segment.kind === 'static') return part === segment.raw ? walk(t + 1, r + 1, params) : null
    if (segment.kind === 'dynamic') {
      return part ? walk(t + 1, r + 1, { ...params, [segment.name!]: part }) : null
    }
    const min = segment.kind === 'optional-catch-all' ? 0 : 1
    for (let k = parts.length - r; k >= min; k--) {
      const values = parts.slice(r, r + k)
      if (values.some((v) => v === '')) continue
      const next = k === 0 ? params : { ...params, [segment.name!]: values }
      const found = walk(t + 1, r + k, next)
      if (found) return found
    }
    return null
  }
  return walk(0, 0, {})
}

/** What renderImageRoute returns: the image bytes, its real pixel size and type, and the response itself. */
export interface RenderedImage {
  /** The response body (PNG for ImageResponse). */
  png: Uint8Array
  width: number
  height: number
  /** The response's real `Content-Type`, whatever the item declared. */
  contentType: string
  status: number
  /** A fresh Response with the same status, headers and body, readable once more. */
  response: Response
}

/** Options of renderImageRoute. */
export interface RenderImageRouteOptions {
  file: string
  params?: Params
  /** The item id to render; leave out for a route without generateImageMetadata. */
  id?: string | number
  nextVersion?: NextMajor
  appDir?: string
  timeoutMs?: number
  pageExtensions?: readonly string[]
}

const RENDER_OPTIONS: OptionRules = { ...HANDLER_OPTIONS, params: PARAMS, id: ITEM_ID }

/**
 * Requests one image from the route the way a browser would (through createImageRouteHandler) and returns its
 * bytes, real size and type. An unknown id or a non-2xx answer is an ImgmetaError naming the file and id.
 */
export async function renderImageRoute(mod: ImageRouteModule, options: RenderImageRouteOptions): Promise<RenderedImage> {
  checkOptions('renderImageRoute', options, RENDER_OPTIONS, ['file'])
  const { file, nextVersion, appDir, timeoutMs, pageExtensions } = options
  const handler = createImageRouteHandler(mod, { file, nextVersion, appDir, timeoutMs, pageExtensions })
  const route = requireImageRoute(options.file, options.appDir, options.pageExtensions)
  const base = imageRoutePath(route, options.params ?? {})
  const pathname = options.id === undefined ? base : `${base}/${encodeURIComponent(String(options.id))}`
  const response = await handler(new Request(new URL(pathname, 'http://localhost')))
  const label = `${route.file} (route ${route.pathTemplate}${options.id === undefined ? '' : `, id ${JSON.stringify(String(options.id))}`})`
  const bytes = await readBodyBounded(response, { label, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS })
  if (response.status === 404 && options.id !== undefined) {
    throw new ImgmetaError('unknown-id', `${label}: no item of generateImageMetadata has this id, so Next answers 404. Render one of the ids it returns.`)
  }
  if (!response.ok) {
    throw new ImgmetaError('render-failed', `${label}: the image function answered ${response.status} ${response.statusText}; expected 200 with an image.`)
  }
  const contentType = response.headers.get('content-type') ?? ''
  const dimensions = readImageDimensions(bytes)
  if (!dimensions) {
    throw new ImgmetaError(
      'invalid-image',
      `${label}: the response (${contentType || 'no content-type'}, ${bytes.length} bytes) is not a PNG, JPEG, GIF, WebP or ICO image; expected an image such as ImageResponse renders.`,
    )
  }
  return {
    png: bytes,
    width: dimensions.width,
    height: dimensions.height,
    contentType,
    status: response.status,
    response: new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers }),
  }
}
