import path from 'node:path'
import { describe, expect, test, type TaskMeta } from 'vitest'
import { imageRouteParams, findImageRoutes, routeModuleFailed, type ModuleLoader } from '../src/app.js'
import { DEFAULT_TIMEOUT_MS, hardDeadlineMs, imageTestBudgetMs } from '../src/deadline.js'
import { ImgmetaError } from '../src/errors.js'
import { armHardDeadline, underHardDeadline } from '../next-runtime/hard-deadline.js'
import { hasGenerateImageMetadata, type ImageRouteModule } from '../src/image-route-module.js'
import { callAsNextBuild, nextBuildCallsWithoutParams } from '../src/next-build-ids.js'
import { detectNextVersion, type NextMajor } from '../src/next-version.js'
import { imageRoutePath, parseImageRoute, type ImageRoute, type Params } from '../src/route.js'
import { networkProblemError } from '../next-runtime/network/network-problems.js'
import { countProblems, declaredId, displayPath, formatFindings, type Finding } from './findings.js'
import type { ImageSnapshotOptions } from './image-snapshot-options.js'
import { toMatchImageSnapshot } from './image-snapshot.js'
import { checkImageRoute, isImageRouteModule, type ImageRouteCheck } from './image-route-check.js'
import { withMetadataOnce } from './metadata-once.js'
import { validateTestImageRoutesOptions } from './test-image-routes-options.js'
import { importThroughVitest } from './vitest-modules.js'
import { loadedRouteCode, runAsRouteCode, type RouteCode } from './file-url-runtime.js'
import { asCodeOfRoute } from '../next-runtime/network/file-urls.js'

/**
 * Params for dynamic routes, used instead of generateStaticParams: a map from the route's folder as written
 * under the app directory (`/blog/[post]`, `/(shop)/[slug]`; leading slash optional) to the param sets, or a
 * function of the route that returns them (undefined: fall back to generateStaticParams).
 */
export type RouteParamsOption = Readonly<Record<string, readonly Params[]>> | ((route: ImageRoute) => readonly Params[] | undefined)

/**
 * Options of testImageRoutes. Every field is plain data or a function, so a generated test file (such as the
 * one `imgmeta check` runs through vitest's Node API) can pass its config straight through.
 */
export interface TestImageRoutesOptions {
  /** Param sets of dynamic routes; a route not listed takes them from generateStaticParams. */
  params?: RouteParamsOption
  /** Next major whose behaviour applies (14, 15, 16); default: the `next` installed beside the app, else 16. */
  nextVersion?: NextMajor
  /**
   * Compare each image with its snapshot through toMatchImageSnapshot (default true). An object is passed to
   * the matcher as its options (`failureThreshold`, `customDiffConfig`, …); false checks metadata and rendering only.
   */
  snapshot?: boolean | ImageSnapshotOptions
  /** Folder of the snapshot files (the matcher's `customSnapshotsDir`); default `__image_snapshots__` beside the test file. */
  snapshotsDir?: string
  /**
   * Loads a module by absolute path. Default: vitest's module runner (`vi.importActual`), so TSX, aliases,
   * tsconfig paths and `vi.mock` of the test file apply, as for `await import(file)` in the test itself.
   */
  load?: ModuleLoader
  /** Bound on each call of a user function: generateImageMetadata, generateStaticParams, the image function (default 10 s). */
  timeoutMs?: number
  /** Name of the describe block that holds the tests; default `image routes`. */
  name?: string
  /** Only routes for which this returns true are declared (the others are not mentioned at all). */
  filter?: (route: ImageRoute) => boolean
  /**
   * A file to log an image to when its process is killed at the hard deadline (a route blocking its thread).
   * Set by `imgmeta check`, whose vitest forks may be killed; without it no process is ever killed.
   */
  deadlineLog?: string
  /**
   * How many route modules load at once while tests are declared (default 8). `imgmeta check` sets 1 to tell
   * which of several loading modules blocked its thread.
   */
  loadAhead?: number
}

/**
 * What each declared test records in `task.meta.imgmeta` for reporters (vitest's `testCase.meta()`): the route,
 * the image and, after it ran, the findings. Skipped tests carry the reason.
 */
export interface ImageTestMeta {
  file: string
  /** The route's URL template: `/shop/[slug]/opengraph-image`. */
  pathTemplate: string
  /** The route's URL path for these params, without the id (undefined when skipped for want of params). */
  route?: string
  params?: Params
  id?: string | number
  /** Where Next serves the image: the route path and the id. */
  pathname?: string
  skipped?: string
  findings?: Finding[]
  width?: number
  height?: number
  contentType?: string
  /** Renderer warnings about the image (CSS next/og ignores, unknown Tailwind classes): shown by reports, never a failure. */
  warnings?: readonly string[]
}

/** Where each test records how long its parts took, beside `imgmeta` in its meta (for benchmarks). */
export const TIMING_META_KEY = 'imgmetaTiming'

/** Milliseconds an image test spent checking (metadata, request, render) and comparing with its snapshot. */
export interface ImageTestTiming {
  checkMs: number
  compareMs: number
}

/** The describe name used when `name` is not given. */
export const DEFAULT_SUITE_NAME = 'image routes'

/**
 * Declares, inside the calling test file, one vitest test for every image of the app: every image route under
 * `appDir`, every params set (from `options.params` or generateStaticParams), every id generateImageMetadata
 * returns. Each test checks the metadata, renders the image at its URL and compares it with its snapshot.
 * Routes it cannot cover (dynamic params with no known values, static image files) become skipped tests whose
 * name says why. `appDir` is resolved against the working directory.
 */
export function testImageRoutes(appDir: string, options: TestImageRoutesOptions = {}): void {
  const root = path.resolve(appDir)
  declareSuite(root, options, async () => (await findImageRoutes(root)).filter((route) => options.filter?.(route) ?? true))
}

/**
 * Declares the tests of the given route files as testImageRoutes does for a whole app, without walking the app
 * folder: for callers that already listed the routes and split them between test files (`imgmeta check`).
 * `files` are paths under `appDir`, as findImageRoutes returns them; files that are not image routes are ignored.
 */
export function testImageRouteFiles(appDir: string, files: readonly string[], options: TestImageRoutesOptions = {}): void {
  const root = path.resolve(appDir)
  const parseOptions = { appDir: root.split(path.sep).join('/') }
  declareSuite(root, options, async () =>
    files.flatMap((file) => parseImageRoute(file, parseOptions) ?? []).filter((route) => options.filter?.(route) ?? true),
  )
}

function declareSuite(root: string, options: TestImageRoutesOptions, listRoutes: () => Promise<ImageRoute[]>): void {
  validateTestImageRoutesOptions(options)
  expect.extend({ toMatchImageSnapshot })
  describe(options.name ?? DEFAULT_SUITE_NAME, async () => {
    const routes = await listRoutes()
    if (routes.length === 0) {
      // An empty app (or a wrong appDir) must not look like a passing suite.
      test.skip(`no image routes under ${displayPath(root)}`, () => {})
      return
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    const routeOfFile = new Map(routes.map((route) => [route.file, route.pathTemplate]))
    // A module's top level runs while it loads: a synchronous loop there blocks the process too. Each load is
    // bounded from its start (vite's transform included, hence the whole hard deadline) and names its file.
    const loadUnderDeadline: ModuleLoader = (file) => {
      const what = { file, ...(routeOfFile.has(file) && { route: routeOfFile.get(file) }), step: 'loading its module' }
      const importFile = () => (options.load ?? importThroughVitest)(file)
      // A route's module runs as that route's code: its top-level fetches of file: URLs are known to be its own.
      return underHardDeadline(options.deadlineLog, hardDeadlineMs(timeoutMs), what, () =>
        routeOfFile.has(file) ? asCodeOfRoute(file, importFile) : importFile(),
      )
    }
    const load = loadOnce(loadUnderDeadline)
    const loadAhead = options.loadAhead ?? LOAD_AHEAD
    for (const [index, route] of routes.entries()) {
      // Later routes start loading while this one is declared: each load is a round trip to vite's transform.
      for (const ahead of routes.slice(index, index + loadAhead)) {
        if (ahead.source === 'code') load(ahead.file).catch(() => undefined)
      }
      // Declaring runs user code too (generateStaticParams, generateImageMetadata): bounded the same way, from
      // the moment the route's module has loaded (loading itself is vite's work, slow on a loaded machine).
      let disarm = () => {}
      const loadThenArm: ModuleLoader = async (file) => {
        const loaded = await load(file)
        if (file === route.file) {
          disarm()
          disarm = armHardDeadline(options.deadlineLog, hardDeadlineMs(timeoutMs), { file: route.file, route: route.pathTemplate, step: 'listing its images' })
        }
        return loaded
      }
      try {
        await declareRouteTests(route, options, loadThenArm)
      } finally {
        disarm()
      }
    }
  })
}

/** How many route modules load at once while tests are declared (unless `loadAhead` says otherwise). */
const LOAD_AHEAD = 8

/** A loader that loads each file once; a failure is kept and reported where the file is awaited. */
function loadOnce(load: ModuleLoader): ModuleLoader {
  const loading = new Map<string, Promise<unknown>>()
  return (file) => {
    let promise = loading.get(file)
    if (!promise) {
      promise = load(file)
      loading.set(file, promise)
    }
    return promise
  }
}

/** Declares the tests of one route: one per params set and id, or one skipped or failing test that says why. */
async function declareRouteTests(route: ImageRoute, options: TestImageRoutesOptions, load: ModuleLoader): Promise<void> {
  const base: ImageTestMeta = { file: route.file, pathTemplate: route.pathTemplate }
  if (route.source === 'static') {
    skip(route, `static file ${route.name}.${route.extension} is served as it is`, base)
    return
  }
  let mod: ImageRouteModule
  let paramSets: readonly Params[]
  try {
    const loaded = await load(route.file).catch((cause: unknown) => {
      throw routeModuleFailed(route.file, cause)
    })
    if (!isImageRouteModule(loaded)) {
      throw new ImgmetaError('missing-default-export', `${route.file}: the module exports neither a default image function nor generateImageMetadata.`)
    }
    mod = withMetadataOnce(loaded)
    paramSets = await paramsFor(route, options, load)
  } catch (error) {
    fail(route.pathTemplate, base, networkProblemError(route.pathTemplate) ?? error)
    return
  }
  if (paramSets.length === 0) {
    const names = route.params.map((p) => `[${p.name}]`).join(', ')
    skip(
      route,
      `no values for ${names}; add generateStaticParams to a page or layout of ${route.parentPath}, ` +
        `or pass params for "${route.parentPath}"`,
      base,
    )
    return
  }
  await declareNextBuildTest(route, mod, options)
  const code = loadedRouteCode(route.file, mod)
  for (const params of paramSets) await declareImageTests(route, mod, params, options, code)
}

/**
 * On 16, `next build` calls generateImageMetadata of a dynamic route with `params: {}` and fails when it throws:
 * such a route gets a failing test of its own, `<route> (next build)`. A route that copes adds no test.
 */
async function declareNextBuildTest(route: ImageRoute, mod: ImageRouteModule, options: TestImageRoutesOptions): Promise<void> {
  const nextVersion = options.nextVersion ?? detectNextVersion(path.dirname(route.file))
  if (!nextBuildCallsWithoutParams(mod, route, nextVersion)) return
  try {
    await callAsNextBuild(mod, route, { ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }), fileLabel: displayPath(route.file) })
  } catch (error) {
    fail(`${route.pathTemplate} (next build)`, { file: route.file, pathTemplate: route.pathTemplate, params: {} }, error)
  }
}

/** The param sets of a route: from options.params when it lists the route, else generateStaticParams. */
async function paramsFor(route: ImageRoute, options: TestImageRoutesOptions, load: ModuleLoader): Promise<readonly Params[]> {
  if (route.params.length === 0) return [{}]
  const given = typeof options.params === 'function' ? options.params(route) : lookupParams(options.params, route)
  if (given !== undefined) return given
  return imageRouteParams(route, { load, ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }) })
}

function lookupParams(map: Readonly<Record<string, readonly Params[]>> | undefined, route: ImageRoute): readonly Params[] | undefined {
  if (!map) return undefined
  return map[route.parentPath] ?? map[route.parentPath.slice(1)]
}

/** Declares one test per image of the route for one params set. */
async function declareImageTests(
  route: ImageRoute,
  mod: ImageRouteModule,
  params: Params,
  options: TestImageRoutesOptions,
  code: RouteCode,
): Promise<void> {
  const checkOptions = {
    file: route.file,
    params,
    appDir: route.appDir,
    ...(options.nextVersion !== undefined && { nextVersion: options.nextVersion }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    // With a snapshot to compare, the matcher rasterizes the image (unless its render stamp matches) and
    // encodes it only if it changed; without one, every image is rasterized here, so that "renders" is checked.
    deferRaster: snapshotOptions(options) !== undefined,
  }
  let routePath: string
  let survey: ImageRouteCheck
  try {
    routePath = imageRoutePath(route, params)
    // Lists the ids; each test checks its own image against the same items (generateImageMetadata runs once).
    survey = await asCodeOfRoute(route.file, () => checkImageRoute(mod, { ...checkOptions, render: false }))
    // A request of the module or of generateImageMetadata that the network layer failed (unrecorded, denied)
    // fails the route by name, even when the route caught the failed fetch and went on.
    const networkError = networkProblemError(routePath)
    if (networkError) throw networkError
  } catch (error) {
    fail(route.pathTemplate, { file: route.file, pathTemplate: route.pathTemplate, params }, networkProblemError(route.pathTemplate) ?? error)
    return
  }
  const meta: ImageTestMeta = { file: route.file, pathTemplate: route.pathTemplate, route: routePath, params }

  if (!hasGenerateImageMetadata(mod) || !Array.isArray(survey.items)) {
    // One image (no generateImageMetadata), or none to list because the route itself is broken: one test.
    declareImageTest(routePath, { ...meta, pathname: routePath }, () => runAsRouteCode(routePath, code, () => checkImageRoute(mod, checkOptions)), options)
    return
  }
  const items = survey.items
  // Named by where Next serves each image; an item without a usable id is named by its index.
  const names = items.map((item, index) => {
    const id = declaredId(item)
    return id === undefined ? `${routePath} item [${index}]` : `${routePath}/${String(id)}`
  })
  names.forEach((name, index) => {
    const duplicate = names.indexOf(name) !== index || names.lastIndexOf(name) !== index
    const id = declaredId(items[index])
    declareImageTest(
      duplicate ? `${name} (item [${index}])` : name,
      { ...meta, ...(id !== undefined && { id, pathname: `${routePath}/${String(id)}` }) },
      () => runAsRouteCode(names[index]!, code, () => checkImageRoute(mod, { ...checkOptions, index })),
      options,
    )
  })
}

/** One test: the check's findings fail it; a clean image is compared with its snapshot. */
function declareImageTest(name: string, meta: ImageTestMeta, check: () => Promise<ImageRouteCheck>, options: TestImageRoutesOptions): void {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const settings = { meta: { imgmeta: meta } as unknown as Partial<TaskMeta>, timeout: imageTestBudgetMs(timeoutMs) }
  test(name, settings, async ({ task, expect: localExpect, signal, onTestFinished }) => {
    const what = { test: name, file: meta.file, route: meta.route ?? meta.pathTemplate, params: meta.params, id: meta.id }
    onTestFinished(armHardDeadline(options.deadlineLog, hardDeadlineMs(timeoutMs), what))
    const checkStart = performance.now()
    const result = await check()
    // vitest already failed this test (its timeout passed): an image that timed out never becomes a snapshot.
    if (signal.aborted) return
    const networkError = networkProblemError(name)
    if (networkError) throw networkError
    const timing: ImageTestTiming = { checkMs: performance.now() - checkStart, compareMs: 0 }
    ;(task.meta as Record<string, unknown>)[TIMING_META_KEY] = timing
    const image = result.images[0]
    const recorded: ImageTestMeta = {
      ...meta,
      findings: result.findings,
      ...(image?.width !== undefined && { width: image.width }),
      ...(image?.height !== undefined && { height: image.height }),
      ...(image?.contentType !== undefined && { contentType: image.contentType }),
      ...(image?.warnings !== undefined && { warnings: [...image.warnings] }),
    }
    ;(task.meta as Record<string, unknown>).imgmeta = recorded
    if (result.findings.length > 0) {
      throw new ImgmetaError('invalid-image-metadata', `${name}: ${countProblems(result.findings.length)} in ${displayPath(meta.file)}\n${formatFindings(result.findings)}`)
    }
    const snapshot = snapshotOptions(options)
    // An unread ImageResponse (deferRaster) is rasterized only if its snapshot does not match by render key.
    const received = image?.imageResponse ?? image?.png
    if (snapshot && received) {
      const compareStart = performance.now()
      try {
        await (localExpect(received) as unknown as { toMatchImageSnapshot(o: ImageSnapshotOptions): Promise<void> }).toMatchImageSnapshot(snapshot)
      } catch (error) {
        // The renderer fetches remote images when it rasterizes: a failed request explains a failed render.
        throw networkProblemError(name) ?? error
      } finally {
        timing.compareMs = performance.now() - compareStart
      }
      const networkAfterRender = networkProblemError(name)
      if (networkAfterRender) throw networkAfterRender
    }
  })
}

function snapshotOptions(options: TestImageRoutesOptions): ImageSnapshotOptions | undefined {
  if (options.snapshot === false) return undefined
  const given = typeof options.snapshot === 'object' ? options.snapshot : {}
  return options.snapshotsDir === undefined ? given : { customSnapshotsDir: path.resolve(options.snapshotsDir), ...given }
}

/** A route that cannot be covered: a skipped test named `<route> skipped: <reason>`, the reason also in meta. */
function skip(route: ImageRoute, reason: string, meta: ImageTestMeta): void {
  test.skip(`${route.pathTemplate} skipped: ${reason}`, { meta: { imgmeta: { ...meta, skipped: reason } } as unknown as Partial<TaskMeta> }, () => {})
}

/** A route that cannot even be listed (its module or its params fail to load) is a failing test, not a gap. */
function fail(name: string, meta: ImageTestMeta, error: unknown): void {
  test(name, { meta: { imgmeta: meta } as unknown as Partial<TaskMeta> }, () => {
    throw error
  })
}
