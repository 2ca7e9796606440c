import path from 'node:path'
import { findImageRoutes, imageRouteParams, type ModuleLoader } from '../../src/app.js'
import { checkRenderedImage } from '../../src/contract.js'
import { renderImageRoute } from '../../src/handler.js'
import { renderHeadTags } from '../../src/head-tags.js'
import type { ImageRouteModule } from '../../src/image-route-module.js'
import type { NextMajor } from '../../src/next-version.js'
import { isSocialConvention, resolveImageMetadata, type ResolvedImage } from '../../src/resolve.js'
import { fileQueryHash } from '../../src/query-hash.js'
import type { ImageRoute, Params } from '../../src/route.js'
import { networkProblemError, takeNetworkProblems } from '../../next-runtime/network/network-problems.js'
import type { TimedOutStep } from '../timed-out-step.js'
import { nextBuildBundler } from '../../src/build-bundler.js'
import { routeMetadataBase } from './metadata-base.js'
import { loadedRouteCode, runAsRouteCode, type RouteCode } from '../../matchers/file-url-runtime.js'
import { asCodeOfRoute } from '../../next-runtime/network/file-urls.js'

/** A route's loaded module, with what decides the verdict on its file: URL fetches. */
interface LoadedRoute extends RouteCode {
  mod: ImageRouteModule
}

/** Next versions whose URLs and head tags the gallery shows side by side. */
export const PREVIEW_VERSIONS: readonly NextMajor[] = [14, 15, 16]

/** The most images one gallery renders; an app with more shows the first ones and says so. */
export const MAX_GALLERY_IMAGES = 1000

/** One image of the gallery: what it declares, what it really is, and how each Next version lists it. */
export interface GalleryImage {
  key: string
  file: string
  route: ImageRoute
  params: Params
  id: string | number | undefined
  declared: { width?: number; height?: number; type: string; alt?: string }
  real?: { width: number; height: number; type: string }
  png?: Uint8Array
  /** Findings from comparing declared and real (size or type mismatch). */
  problems: string[]
  error?: string
  /** The image's path on the installed version, without origin or query. */
  pathname: string
  /** Where the base of the absolute og/twitter URLs comes from (undefined for icons, whose URLs stay relative). */
  metadataBaseNote?: string
  versions: GalleryVersion[]
}

/** How one Next version lists an image: its URL and head tags as that release renders them. */
export interface GalleryVersion {
  version: NextMajor
  url: string
  tags: string
  /** Set when the URL is shown without the `?query` that release appends, and why. */
  queryNote?: string
}

/** What the page says about a webpack build's `?query`. */
export const WEBPACK_QUERY_NOTE =
  "webpack builds append their own ?query hash, which imgmeta cannot compute; the URL is shown without it (any query, or none, serves the same image)"


/** A route that could not be listed at all (import failed, generateImageMetadata threw, params unknown). */
export interface GalleryRouteError {
  file: string
  message: string
}

/** Everything the page shows. */
export interface Gallery {
  images: GalleryImage[]
  errors: GalleryRouteError[]
  truncated: boolean
}

/** Inputs of buildGallery. */
export interface GalleryOptions {
  /** The project root; its package.json says whether 16 builds with `--webpack`. */
  root: string
  appDir: string
  load: ModuleLoader
  /** Params from the config, keyed by absolute route file. */
  params: Record<string, Params[]>
  metadataBase: string | undefined
  /** The Next major installed in the project: the images are listed and rendered as it serves them. */
  nextVersion: NextMajor
  /** Bound on each call of a user function (`--timeout`); default that of renderImageRoute. */
  timeoutMs?: number
  /** Runs one step of user code (loading a route, listing its images, rendering one); default: just runs it. */
  step?: <T>(what: TimedOutStep, work: () => Promise<T>) => Promise<T>
  /** The finding for a step an earlier run had to kill (it blocked its thread): such a step is not run again. */
  timedOut?: (what: TimedOutStep) => string | undefined
}

const runStep = <T>(_what: TimedOutStep, work: () => Promise<T>): Promise<T> => work()

/** Loads every code route of the app, resolves its items for 14/15/16 and renders each image once, as the installed Next. */
export async function buildGallery(options: GalleryOptions): Promise<Gallery> {
  const routes = (await findImageRoutes(options.appDir)).filter((r) => r.source === 'code')
  const images: GalleryImage[] = []
  const errors: GalleryRouteError[] = []
  let truncated = false
  const webpack = new Set(PREVIEW_VERSIONS.filter((version) => nextBuildBundler(options.root, version) === 'webpack'))
  const step = options.step ?? runStep
  for (const route of routes) {
    const file = path.resolve(route.file)
    const relative = path.relative(options.root, file).split(path.sep).join('/')
    const loading: TimedOutStep = { file, route: route.pathTemplate, step: 'loading its module' }
    const listing: TimedOutStep = { file, route: route.pathTemplate, step: 'listing its images' }
    const killed = options.timedOut?.(loading) ?? options.timedOut?.(listing)
    if (killed) {
      errors.push({ file: relative, message: killed })
      continue
    }
    try {
      takeNetworkProblems()
      // Loaded as the route's code: a fetch of a file: URL at its top level is known to be its own (as under check).
      const mod = (await step(loading, () => asCodeOfRoute(file, () => options.load(file)))) as ImageRouteModule
      const code = { mod, ...loadedRouteCode(file, mod) }
      const listed = await step(listing, async () => {
        const paramSets = options.params[file] ?? (await imageRouteParams(route, { load: options.load }))
        const base = isSocialConvention(route.convention) ? await routeMetadataBase(options.appDir, file, options.load, options.metadataBase) : undefined
        const hash = await fileQueryHash(file)
        const perParams: { params: Params; perVersion: Map<NextMajor, ResolvedImage[]> }[] = []
        for (const params of paramSets) {
          const perVersion = new Map<NextMajor, ResolvedImage[]>()
          for (const version of PREVIEW_VERSIONS) {
            const resolveOptions = { file, params, nextVersion: version, appDir: options.appDir, ...(base && { metadataBase: base.base }) }
            const resolved = await asCodeOfRoute(file, () => resolveImageMetadata(mod, resolveOptions))
            // Only Turbopack's hash is known: a webpack build's URL is shown without one rather than with a wrong one.
            perVersion.set(version, webpack.has(version) && hash ? resolved.map((r) => ({ ...r, url: withoutQuery(r.url, hash) })) : resolved)
          }
          perParams.push({ params, perVersion })
        }
        return { base, perParams }
      })
      // A request the network layer failed while the module loaded or listed its images: the same finding as check's.
      const networkError = networkProblemError(route.pathTemplate)
      if (networkError) throw networkError
      if (listed.perParams.length === 0) {
        errors.push({
          file: relative,
          message: `${route.pathTemplate} has dynamic params but no generateStaticParams; set params for it in imgmeta.config.ts.`,
        })
        continue
      }
      for (const { params, perVersion } of listed.perParams) {
        const installed = perVersion.get(options.nextVersion) ?? []
        for (const [index, item] of installed.entries()) {
          if (images.length >= MAX_GALLERY_IMAGES) {
            truncated = true
            break
          }
          images.push(await galleryImage(code, route, file, relative, params, index, item, perVersion, options, images.length, listed.base?.note, webpack))
        }
      }
    } catch (error) {
      errors.push({ file: relative, message: (error as Error).message })
    }
  }
  return { images, errors, truncated }
}

async function galleryImage(
  code: LoadedRoute,
  route: ImageRoute,
  file: string,
  relative: string,
  params: Params,
  index: number,
  item: ResolvedImage,
  perVersion: Map<NextMajor, ResolvedImage[]>,
  options: GalleryOptions,
  position: number,
  metadataBaseNote: string | undefined,
  webpack: ReadonlySet<NextMajor>,
): Promise<GalleryImage> {
  const declared = {
    type: item.type,
    ...(item.alt !== undefined && { alt: item.alt }),
    ...sizeOf(item),
  }
  const image: GalleryImage = {
    key: String(position),
    file: relative,
    route,
    params,
    id: item.id,
    declared,
    problems: [],
    pathname: item.pathname,
    ...(metadataBaseNote !== undefined && { metadataBaseNote }),
    versions: PREVIEW_VERSIONS.map((version): GalleryVersion => {
      const resolved = perVersion.get(version)?.[index]
      return {
        version,
        url: resolved?.url ?? '',
        tags: resolved ? renderHeadTags([resolved], route.convention, { nextVersion: version }) : '',
        ...(webpack.has(version) && { queryNote: WEBPACK_QUERY_NOTE }),
      }
    }),
  }
  const what: TimedOutStep = { file, route: route.pathTemplate, params, id: item.id }
  const killed = options.timedOut?.(what)
  if (killed) {
    image.error = killed
    return image
  }
  const { appDir, nextVersion, timeoutMs } = options
  try {
    takeNetworkProblems()
    const rendered = await (options.step ?? runStep)(what, () =>
      runAsRouteCode(item.pathname, code, () =>
        renderImageRoute(code.mod, { file, params, appDir, nextVersion, ...(timeoutMs !== undefined && { timeoutMs }), ...(item.id !== undefined && { id: item.id }) }),
      ),
    )
    image.png = rendered.png
    image.real = { width: rendered.width, height: rendered.height, type: rendered.contentType }
    const facts = { width: rendered.width, height: rendered.height, contentType: rendered.contentType }
    image.problems = checkRenderedImage(itemFields(declared), facts, `[${index}]`).map((v) => v.message)
  } catch (error) {
    image.error = (error as Error).message
  }
  // A request the network layer failed (unrecorded, denied), even one the route caught and drew a fallback for:
  // the image shows the finding `imgmeta check` fails it with.
  const networkError = networkProblemError(item.pathname)
  if (networkError) image.error = image.error ? `${networkError.message}\n${image.error}` : networkError.message
  return image
}

/** `url` without the `?hash` resolveImageMetadata appended (an id may itself hold a `?`, so only that suffix goes). */
function withoutQuery(url: string, hash: string): string {
  return url.endsWith(`?${hash}`) ? url.slice(0, -(hash.length + 1)) : url
}

function sizeOf(item: ResolvedImage): { width?: number; height?: number } {
  if (item.width !== undefined && item.height !== undefined) return { width: item.width, height: item.height }
  const match = item.sizes ? /^(\d+)x(\d+)$/.exec(item.sizes) : null
  return match ? { width: Number(match[1]), height: Number(match[2]) } : {}
}

function itemFields(declared: GalleryImage['declared']): Record<string, unknown> {
  return {
    contentType: declared.type,
    ...(declared.width !== undefined && declared.height !== undefined && { size: { width: declared.width, height: declared.height } }),
  }
}
