// `next build` 16 lists the ids of every image route with generateImageMetadata by calling it once with
// `params: {}`, whatever dynamic segments the route sits below: the route module Next generates
// (`next/dist/build/webpack/loaders/next-metadata-route-loader.js`) exports
// `generateStaticParams({ params }) { generateImageMetadata({ params }) … }`, and a route handler's only segment
// with generateStaticParams is its own (`collectAppRouteSegments`, `build/segment-config/app/app-segments.js`),
// so `buildAppStaticPaths` (`build/static-paths/app.js`) calls it with `{}`, never with the layouts' params.
// A throw there fails the whole build ("Failed to collect page data for …/[__metadata_id__]"). 14 and 15 export
// no such generateStaticParams for image routes and never make this call.
import { DEFAULT_TIMEOUT_MS, withDeadline } from './deadline.js'
import { ImgmetaError } from './errors.js'
import { hasGenerateImageMetadata, type ImageRouteModule } from './image-route-module.js'
import type { NextMajor } from './next-version.js'
import type { ImageRoute } from './route.js'

/** The code of the error a route gets when `next build` would fail listing its ids. */
export const NEXT_BUILD_FAILS = 'next-build-fails'

/**
 * True when `next build` of this major calls the route's generateImageMetadata with `params: {}` although the
 * route has dynamic segments (16 does, for every such route; 14 and 15 never do). Routes without dynamic segments
 * get `{}` at every call anyway, which the ordinary check covers.
 */
export function nextBuildCallsWithoutParams(mod: ImageRouteModule, route: ImageRoute, nextVersion: NextMajor): boolean {
  return nextVersion >= 16 && route.params.length > 0 && hasGenerateImageMetadata(mod)
}

/**
 * Calls generateImageMetadata as `next build` 16 does to list a route's ids: `{ params: {} }`, then every item
 * must have an id (Next reads `item.id.toString()`). Resolves when the build would get past it; otherwise throws
 * an ImgmetaError `next-build-fails` that names the route, what happened and the build error Next prints.
 * `fileLabel` is how the message names the file (default: `route.file`).
 */
export async function callAsNextBuild(
  mod: ImageRouteModule,
  route: ImageRoute,
  options: { timeoutMs?: number; fileLabel?: string } = {},
): Promise<void> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, fileLabel = route.file } = options
  const generate = mod.generateImageMetadata as (props: unknown) => unknown
  const nextRoute = `${route.pathTemplate}/[__metadata_id__]`
  const what = `${fileLabel} (route ${route.pathTemplate}): next build calls generateImageMetadata({ params: {} }) to list the ids, without the params of ${route.params.map((p) => `[${p.name}]`).join(', ')}, and it`
  const consequence = `The build fails: "Failed to collect page data for ${nextRoute}".`
  let returned: unknown
  try {
    returned = await withDeadline(() => generate({ params: {} }), timeoutMs, `${fileLabel} (route ${route.pathTemplate}): generateImageMetadata({ params: {} })`, NEXT_BUILD_FAILS)
  } catch (cause) {
    if (cause instanceof ImgmetaError && cause.code === 'timeout') throw cause
    // withDeadline wrapped what the user's code threw; the message names the original.
    const thrown = cause instanceof ImgmetaError ? cause.cause : cause
    throw new ImgmetaError(NEXT_BUILD_FAILS, `${what} threw: ${thrown instanceof Error ? thrown.message : String(thrown)}. ${consequence}`, { cause: thrown })
  }
  if (returned === null || typeof returned !== 'object' || !(Symbol.iterator in returned)) {
    throw new ImgmetaError(NEXT_BUILD_FAILS, `${what} returned ${returned === null ? 'null' : typeof returned}, which Next cannot iterate. ${consequence}`)
  }
  let index = 0
  for (const item of returned as Iterable<unknown>) {
    if ((item as { id?: unknown } | null | undefined)?.id == null) {
      throw new ImgmetaError(
        NEXT_BUILD_FAILS,
        `${what} returned item [${index}] without an id ("id property is required for every item returned from generateImageMetadata"). ${consequence}`,
      )
    }
    index++
  }
}
