import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Reporter, TestCase, TestModule } from 'vitest/node'
import { layoutOrigins } from '../next-runtime/network/layout-origin.js'
import { finishRecordings, type NetworkOutcome } from '../next-runtime/network/run-recordings.js'
import { NETWORK_DIR_NAME, ROUTES_HAR_FILE, type NetworkSettings } from '../next-runtime/network/network-settings.js'
import { projectConfigFile } from '../next-runtime/project-config.js'
import { findImageRoutes } from '../src/app.js'
import { imageTestBudgetMs } from '../src/deadline.js'
import { ImgmetaError } from '../src/errors.js'
import { readHardDeadlineLog, type HardDeadlineRecord } from '../next-runtime/hard-deadline.js'
import { relativeRouteFile, timedOutMessage, type TimedOutStep } from './timed-out-step.js'
import type { ImageRoute, Params } from '../src/route.js'
import type { EntryOptions } from './entry-options.js'
import { classifyFinding, type FindingKind } from './finding.js'
import { reportByRouteFile } from './route-file-reports.js'
import type { ReporterChoice, RunOptions } from './run-options.js'
import { imgmetaViteSettings } from './vite-settings.js'

/** The outcome of one image test (one route × params × id), or of a route that could not be covered. */
export interface ImageResult {
  /** Route file relative to the project root. */
  file: string
  /** URL template of the route: `/blog/[slug]/opengraph-image`. */
  route: string
  /** The vitest test name: the URL path Next serves the image at. */
  name: string
  /** The item's id, when the route has generateImageMetadata and the item a usable id. */
  id: string | number | undefined
  state: 'passed' | 'failed' | 'skipped'
  /** What kind of finding a failure or skip is (undefined when passed). */
  kind: FindingKind | undefined
  /** First error message (or the skip reason). */
  message: string
  /** Snapshot files the test's messages name: reference, diff, received (absolute, when they exist). */
  files: { reference?: string; diff?: string; received?: string }
  durationMs: number
  /** What the renderer ignored or drew differently for this image (unknown Tailwind classes, CSS next/og ignores): warnings, never failures. */
  warnings?: string[]
  /** Milliseconds spent inside the test checking the image (metadata, render) and comparing it with its snapshot. */
  timing?: { checkMs: number; compareMs: number }
}

/** Snapshot counts as vitest's summary holds them after the run. */
export interface SnapshotCounts {
  added: number
  updated: number
  matched: number
  unmatched: number
}

/** Everything reporters need after a run. */
export interface RunOutcome {
  options: RunOptions
  routes: ImageRoute[]
  results: ImageResult[]
  /** Errors outside any image test: a route file that fails to import, a crash in a worker. */
  errors: { file: string | undefined; message: string }[]
  snapshots: SnapshotCounts
  /** True when every route ran: no shard, no filter. Only then are obsolete snapshots meaningful. */
  complete: boolean
  /**
   * True when a test process was killed at a hard deadline and routes ran again in a later vitest run: the
   * JUnit and JSON files vitest wrote hold that last run only, so the command writes them again from `results`.
   */
  rerun?: boolean
  /** Snapshot files no test of this run uses (complete runs only), absolute. */
  obsolete: string[]
  /** Obsolete files deleted by `--prune`. */
  pruned: string[]
  /** Obsolete files `--prune` kept because nothing proves imgmeta wrote them. */
  pruneKept: string[]
  /** What the routes' requests did: recorded (update), obsolete and pruned recordings (absent in outcomes made elsewhere, such as merged reports). */
  network?: NetworkOutcome
  durationMs: number
  /** A one-line remark on a run that checked nothing (an empty shard, an app without image routes). */
  note?: string
  /** Start-up (vitest, vite, workers) vs running tests, for `bench/`. */
  timing: { startupMs: number; testsMs: number }
}

/** Live progress, called as each image finishes. */
export interface RunListener {
  onStart?(routes: ImageRoute[]): void
  onImage?(result: ImageResult, done: number): void
}

const ENTRY_MODULE = fileURLToPath(new URL('./entry/route-tests.js', import.meta.url))

/**
 * Test files per worker. vitest pays a cost per test file (collection, module graph, messages), so routes are
 * grouped; six per worker let the workers finish together (with two, one sat idle for the last file of the other:
 * 2-3% of a 200-card check), while more, smaller files cost more than they even out.
 */
export const TEST_FILES_PER_WORKER = 6

/**
 * Runs every image test of the app inside vitest (the user's vite/vitest config applies) and collects the
 * results. The routes (of this shard) are split between a few generated test files, one or two per worker.
 */
export async function runImageChecks(options: RunOptions, listener: RunListener = {}): Promise<RunOutcome> {
  const started = performance.now()
  const allRoutes = (await findImageRoutes(options.appDir))
    .filter((route) => route.source === 'code')
    .sort((a, b) => a.file.localeCompare(b.file))
  const routes = options.shard ? shardRoutes(allRoutes, options.shard) : allRoutes
  listener.onStart?.(routes)
  if (routes.length === 0) {
    // Nothing to run is not a failure: a CI matrix may have more shards than route files.
    const where = path.relative(options.root, options.appDir) || '.'
    const note = options.shard
      ? `shard ${options.shard.index}/${options.shard.count} has no route files (${allRoutes.length} in all): nothing to check`
      : `no image routes under ${where}/: nothing to check`
    return emptyOutcome(options, allRoutes, note, performance.now() - started)
  }

  const workDir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'imgmeta-check-')))
  const deadlineLog = path.join(workDir, 'deadlines.jsonl')
  try {
    const network = networkSettings(options, path.join(workDir, 'network-log'))
    const results: ImageResult[] = []
    const errors: RunOutcome['errors'] = []
    const snapshots: SnapshotCounts = { added: 0, updated: 0, matched: 0, unmatched: 0 }
    let testsStarted = 0
    let pending = routes
    // After a kill, results the killed process had not yet sent may be missing: unused snapshots cannot be told.
    let interrupted = false
    // After a kill while several modules were loading at once, which one blocked is not known: the routes run
    // again with one module loading at a time, so that the next kill names the right one.
    let serialLoads = false
    for (let pass = 1; pending.length > 0; pass++) {
      const run = await runPass(options, allRoutes, pending, path.join(workDir, `pass-${pass}`), deadlineLog, network, serialLoads, (result) => {
        results.push(result)
        listener.onImage?.(result, results.length)
      })
      testsStarted ||= run.testsStarted
      for (const key of Object.keys(snapshots) as (keyof SnapshotCounts)[]) snapshots[key] += run.snapshots[key]
      const records = readHardDeadlineLog(deadlineLog)
      rmSync(deadlineLog, { force: true })
      const ambiguous = !serialLoads && records.some((record) => (record.what as TimedOutStep).step === LOADING_STEP && (record.others ?? 0) > 0)
      const killed = ambiguous ? [] : records.map((record) => timedOutResult(record, options.root, options.timeoutMs))
      if (ambiguous) {
        serialLoads = true
        interrupted = true
        errors.push(...run.errors.filter((e) => !WORKER_LOST.test(e.message)))
        const finished = new Set(results.map((r) => r.file))
        pending = pending.filter((route) => !finished.has(relativeFile(options.root, route)))
        continue
      }
      // vitest reports the killed fork as "[vitest-pool]: Worker forks emitted error."; that is the kill above.
      errors.push(...(killed.length === 0 ? run.errors : run.errors.filter((e) => !WORKER_LOST.test(e.message))))
      if (killed.length === 0) break
      interrupted = true
      // A fork was killed at a hard deadline: its route is reported as timed out; vitest's errors about the
      // lost worker are that same event. Routes whose tests the kill cut off run again, without that route.
      for (const record of killed) {
        results.push(record)
        listener.onImage?.(record, results.length)
      }
      const finished = new Set(results.map((r) => r.file))
      pending = pending.filter((route) => !finished.has(relativeFile(options.root, route)))
    }
    const complete = options.shard === undefined && !interrupted
    const networkOutcome = finishRecordings(network, { complete })
    const finished = performance.now()
    return {
      options,
      routes,
      results,
      errors,
      snapshots,
      complete,
      ...(interrupted && { rerun: true }),
      obsolete: [],
      pruned: [],
      pruneKept: [],
      network: networkOutcome,
      durationMs: finished - started,
      timing: { startupMs: (testsStarted || finished) - started, testsMs: testsStarted ? finished - testsStarted : 0 },
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

/** vitest's error about a worker process that went away (here: one killed at its hard deadline). */
const WORKER_LOST = /\[vitest-pool\]: Worker .* (emitted error|exited unexpectedly)/

/** What one vitest run over some routes gave. */
interface PassOutcome {
  errors: RunOutcome['errors']
  snapshots: SnapshotCounts
  testsStarted: number
}

/** Runs the tests of `routes` in one vitest run, their generated test files in `passDir`. */
async function runPass(
  options: RunOptions,
  allRoutes: ImageRoute[],
  routes: ImageRoute[],
  passDir: string,
  deadlineLog: string,
  network: NetworkSettings,
  serialLoads: boolean,
  onResult: (result: ImageResult) => void,
): Promise<PassOutcome> {
  mkdirSync(passDir, { recursive: true })
  const workDir = passDir
  const workers = workerCount()
  const groups = groupRoutes(routes, workers * TEST_FILES_PER_WORKER)
  groups.forEach((group, index) => {
    writeFileSync(
      path.join(workDir, `routes-${index + 1}-of-${groups.length}.imgmeta.test.js`),
      `import { registerRouteTests } from ${JSON.stringify(moduleSpecifier(entryModule()))}\n` +
        `registerRouteTests(${JSON.stringify(group.map((route) => route.file))})\n`,
    )
  })
  const routeByFile = new Map(routes.map((route) => [path.resolve(route.file), route]))
  const routeOfTest = (testCase: TestCase): ImageRoute | undefined => {
    const file = (testCase.meta() as { imgmeta?: { file?: unknown } }).imgmeta?.file
    return typeof file === 'string' ? routeByFile.get(path.resolve(file)) : undefined
  }

  const errors: RunOutcome['errors'] = []
  let testsStarted = 0
  const collector: Reporter = {
    onTestRunStart() {
      testsStarted = performance.now()
    },
    onTestCaseResult(testCase: TestCase) {
      onResult(toImageResult(options.root, options.snapshotDir, routeOfTest(testCase), testCase))
    },
    onTestModuleEnd(testModule: TestModule) {
      // A generated file holds several routes: an error outside their tests (a crash) belongs to none of them.
      for (const error of testModule.errors()) errors.push({ file: undefined, message: error.message })
    },
    onTestRunEnd(_modules, unhandledErrors) {
      for (const error of unhandledErrors) errors.push({ file: undefined, message: error.message })
    },
  }

  const entryOptions: EntryOptions = {
    root: options.root,
    appDir: options.appDir,
    nextVersion: options.nextVersion,
    snapshotDir: options.snapshotDir,
    threshold: options.threshold,
    failureThreshold: options.failureThreshold,
    failureThresholdType: options.failureThresholdType,
    renderStamp: options.renderStamp,
    params: paramsByRouteFile(options.root, allRoutes, options.params),
    metadataBase: options.metadataBase,
    // The HTML report and blob files (for merge-reports' HTML report) show the received image of each failure.
    storeReceived: options.reportDir !== undefined || options.reporters.some((r) => r.name === 'blob'),
    network,
    timeoutMs: options.timeoutMs,
    deadlineLog,
    ...(serialLoads && { loadAhead: 1 }),
  }

  const vitestNode = await import('vitest/node').catch((error: unknown) => {
    throw new ImgmetaError(
      'config-failed',
      `vitest could not be loaded from ${options.root} (${(error as Error).message}); install it: npm i -D vitest`,
    )
  })
  const vitestReporters: unknown[] = [collector]
  const fileReporters = options.reporters.filter((r) => r.name === 'junit' || r.name === 'json')
  if (fileReporters.length > 0) {
    // vitest/node exports the reporters since vitest 4; importing vitest/reporters there prints a deprecation.
    const { JUnitReporter, JsonReporter } = 'JUnitReporter' in vitestNode ? vitestNode : await import('vitest/reporters')
    // Users know their route files, not the generated test files: both reports get one suite per route file.
    const routeFileOfTest = (test: { meta: object }) => {
      const file = (test.meta as { imgmeta?: { file?: unknown } }).imgmeta?.file
      return typeof file === 'string' ? path.resolve(file) : undefined
    }
    for (const reporter of fileReporters) {
      const outputFile = reportFile(options.root, reporter)
      vitestReporters.push(
        reportByRouteFile(
          reporter.name === 'junit'
            ? new JUnitReporter({
                outputFile,
                suiteName: 'imgmeta',
                classnameTemplate: ({ filepath }: { filepath: string }) => path.relative(options.root, filepath).split(path.sep).join('/'),
              })
            : new JsonReporter({ outputFile }),
          routeFileOfTest,
          (test) => warningsOf((test.meta as { imgmeta?: { warnings?: unknown } }).imgmeta),
        ),
      )
    }
  }

  // Next runs a project with its root as the working directory (content read from `process.cwd()`), and
  // builds it for production (vite compiles JSX for React's production runtime, resolves `production` exports).
  const cwd = process.cwd()
  const nodeEnv = process.env.NODE_ENV
  process.chdir(options.root)
  process.env.NODE_ENV = 'production'
  const restore = () => {
    process.chdir(cwd)
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
  const vitest = await vitestNode.createVitest(
    'test',
    {
      root: options.root,
      dir: workDir,
      include: ['*.imgmeta.test.js'],
      exclude: [],
      watch: false,
      run: true,
      environment: 'node',
      // One module graph per worker: route files share next/og, fonts and the renderer across test files.
      isolate: false,
      // vitest leaves one core to itself by default; while images render it only waits for results.
      maxWorkers: workers,
      // Processes, never threads: a route that blocks its thread is ended by killing its process (see
      // next-runtime/hard-deadline.ts), which must not be the one running this command.
      pool: 'forks',
      // vitest's own timeouts follow the per-image deadline and are never the shorter ones.
      testTimeout: imageTestBudgetMs(options.timeoutMs),
      hookTimeout: imageTestBudgetMs(options.timeoutMs),
      fileParallelism: true,
      passWithNoTests: true,
      update: options.update ? 'all' : options.ci ? 'none' : 'new',
      reporters: vitestReporters as never,
      provide: { imgmeta: entryOptions },
      coverage: { enabled: false },
      // The project's setupFiles (where its mocks live) and test.env apply as in its own vitest run; a global
      // setup (servers, databases) is for its own tests, not for rendering images.
      globalSetup: [],
      // The project's own config file, found as preview finds it; never one of a folder above the project.
      config: projectConfigFile(options.root) ?? false,
      // A CommonJS package's vitest.config.ts would be bundled to CommonJS, which cannot import vitest 4.
      ...(isCommonJsPackage(options.root) && { configLoader: 'runner' as const }),
      testNamePattern: undefined,
    },
    {
      ...imgmetaViteSettings(options.renderer, options.strictCss),
      logLevel: 'error',
    },
  ).catch((error: unknown) => {
    restore()
    throw error
  })
  try {
    await vitest.start()
  } finally {
    await vitest.close()
    restore()
  }
  const summary = vitest.snapshot.summary
  return {
    errors,
    snapshots: { added: summary.added, updated: summary.updated, matched: summary.matched, unmatched: summary.unmatched },
    testsStarted,
  }
}

/** Where the `junit` or `json` reporter writes: its `=file`, else `imgmeta-junit.xml` / `imgmeta-results.json` in the project. */
export function reportFile(root: string, reporter: ReporterChoice): string {
  return path.resolve(root, reporter.file ?? `imgmeta-${reporter.name === 'junit' ? 'junit.xml' : 'results.json'}`)
}

/** The step the hard deadline of a module load names (matchers/test-image-routes.ts). */
const LOADING_STEP = 'loading its module'

/**
 * An image (or route) whose process was killed at the hard deadline, as a failed result that names the route
 * file, the params and the id (from the log the watchdog writes just before the kill).
 */
function timedOutResult(record: HardDeadlineRecord, root: string, timeoutMs: number): ImageResult {
  const what = record.what as TimedOutStep
  const file = relativeRouteFile(what, root)
  return {
    file,
    route: what.route ?? '',
    name: what.test ?? what.route ?? file,
    id: what.id,
    state: 'failed' as const,
    kind: 'timed-out' as const,
    message: timedOutMessage(what, root, timeoutMs, record.ms),
    files: {},
    durationMs: record.ms,
  }
}

/** The outcome of a run that had no route to check. */
function emptyOutcome(options: RunOptions, allRoutes: ImageRoute[], note: string, durationMs: number): RunOutcome {
  return {
    options,
    routes: [],
    results: [],
    errors: [],
    snapshots: { added: 0, updated: 0, matched: 0, unmatched: 0 },
    // An app without routes is complete; a shard never is (its snapshots belong to other shards).
    complete: options.shard === undefined && allRoutes.length === 0,
    obsolete: [],
    pruned: [],
    pruneKept: [],
    note,
    durationMs,
    timing: { startupMs: durationMs, testsMs: 0 },
  }
}

/** The network layer of a run: `update` records, `check` replays; the workers log into `logDir`. */
export function networkSettings(options: RunOptions, logDir: string): NetworkSettings {
  return {
    mode: options.update ? 'record' : 'replay',
    root: options.root,
    dir: path.join(options.root, NETWORK_DIR_NAME),
    harFile: ROUTES_HAR_FILE,
    logDir,
    deny: options.network.deny,
    live: options.network.live,
    siteOrigins: [
      ...layoutOrigins(options.appDir),
      ...[options.metadataBase, options.siteUrl].filter((origin): origin is string => origin !== undefined),
    ],
  }
}

/** True when the project's package.json does not say `"type": "module"`. */
function isCommonJsPackage(root: string): boolean {
  try {
    return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { type?: unknown }).type !== 'module'
  } catch {
    return false
  }
}

/** Workers to run: every core, or `VITEST_MAX_WORKERS` when set (vitest itself reads it last, too). */
function workerCount(): number {
  const fromEnv = Number.parseInt(process.env.VITEST_MAX_WORKERS ?? '', 10)
  return fromEnv > 0 ? fromEnv : Math.max(1, os.availableParallelism())
}

/**
 * Part `index` of `count` of the routes (sorted by file): contiguous slices of near-equal size, so every route
 * lands in exactly one shard and the split depends only on the list of route files.
 */
export function shardRoutes<T>(routes: readonly T[], shard: { index: number; count: number }): T[] {
  const start = Math.floor(((shard.index - 1) * routes.length) / shard.count)
  const end = Math.floor((shard.index * routes.length) / shard.count)
  return routes.slice(start, end)
}

/** Deals routes round-robin into at most `count` non-empty groups, each keeping file order. */
export function groupRoutes<T>(routes: readonly T[], count: number): T[][] {
  const groups: T[][] = Array.from({ length: Math.min(count, routes.length) }, () => [])
  routes.forEach((route, index) => groups[index % groups.length]!.push(route))
  return groups
}

function entryModule(): string {
  // Running from source (tsx), the entry is a .ts file beside this one.
  return import.meta.url.endsWith('.ts') ? ENTRY_MODULE.replace(/\.js$/, '.ts') : ENTRY_MODULE
}

function moduleSpecifier(file: string): string {
  return file.split(path.sep).join('/')
}

/** The route file relative to the project root, with `/`. */
export function relativeFile(root: string, route: ImageRoute): string {
  return path.relative(root, path.resolve(route.file)).split(path.sep).join('/')
}

/** Config params are keyed by route file (relative) or URL template; this keys them by absolute route file. */
export function paramsByRouteFile(root: string, routes: ImageRoute[], params: Record<string, Params[]>): Record<string, Params[]> {
  const out: Record<string, Params[]> = {}
  for (const [key, list] of Object.entries(params)) {
    const route = routes.find(
      (r) => r.pathTemplate === key || relativeFile(root, r) === key.replace(/^\.\//, '') || path.resolve(root, key) === path.resolve(r.file),
    )
    if (!route) {
      throw new ImgmetaError(
        'config-failed',
        `params["${key}"] in imgmeta.config.ts names no image route; use a route file such as ` +
          `${routes[0] ? relativeFile(root, routes[0]) : 'app/blog/[slug]/opengraph-image.tsx'} or its URL template.`,
      )
    }
    out[path.resolve(route.file)] = list
  }
  return out
}

/** What testImageRoutes records in a test's meta (the fields read here). */
interface ImageTestMeta {
  file?: string
  pathTemplate?: string
  route?: string
  id?: string | number
  skipped?: string
  findings?: { code: string; message: string }[]
  warnings?: unknown
}

function toImageResult(root: string, snapshotDir: string, route: ImageRoute | undefined, testCase: TestCase): ImageResult {
  const result = testCase.result()
  const meta = testCase.meta() as Record<string, unknown>
  const image = (meta.imgmeta ?? {}) as ImageTestMeta
  const state = result.state === 'passed' ? 'passed' : result.state === 'failed' ? 'failed' : 'skipped'
  const error = result.state === 'failed' ? (result.errors[0] as { message?: string; code?: unknown } | undefined) : undefined
  const message =
    result.state === 'failed'
      ? commandWording(error?.message ?? 'failed')
      : result.state === 'skipped'
        ? (image.skipped ?? result.note ?? testCase.name)
        : ''
  const file = route ? relativeFile(root, route) : image.file ? path.relative(root, path.resolve(image.file)) : testCase.module.moduleId
  return {
    file,
    route: image.route ?? image.pathTemplate ?? route?.pathTemplate ?? '',
    name: testCase.name,
    id: image.id,
    state,
    kind:
      state === 'passed'
        ? undefined
        : classifyFinding(state, message, image.findings?.map((f) => f.code) ?? [], typeof error?.code === 'string' ? error.code : undefined),
    message,
    files: snapshotFiles(meta, snapshotDir),
    durationMs: testCase.diagnostic()?.duration ?? 0,
    ...(isTiming(meta[TIMING_META_KEY]) && { timing: meta[TIMING_META_KEY] }),
    ...(warningsOf(image).length > 0 && { warnings: warningsOf(image) }),
  }
}

/** The renderer warnings a test recorded in its meta (strings only). */
export function warningsOf(meta: { warnings?: unknown } | undefined): string[] {
  return Array.isArray(meta?.warnings) ? meta.warnings.filter((w): w is string => typeof w === 'string') : []
}

/**
 * The matcher speaks to vitest users ("run vitest with -u"); through the command the same step is `imgmeta
 * update`, and a file the message points at is named only when it was written.
 */
export function commandWording(message: string): string {
  return message
    .replace(/Run vitest with -u to accept the new image\./g, 'Run `imgmeta update` to accept the new image.')
    .replace(/Run the test locally \(or with -u\) and commit the new file\./g, 'Run `imgmeta update` locally and commit the new file.')
    .replace(/Run vitest with -u to replace it\./g, 'Run `imgmeta update` to replace it.')
    .split('\n')
    .filter((line) => {
      const file = /^(?:See diff for details|Received): (.+)$/.exec(line)?.[1]
      return file === undefined || existsSync(path.resolve(file))
    })
    .join('\n')
}

/** The key testImageRoutes records each test's timing under (matchers/test-image-routes.ts). */
const TIMING_META_KEY = 'imgmetaTiming'

function isTiming(value: unknown): value is { checkMs: number; compareMs: number } {
  const timing = value as { checkMs?: unknown; compareMs?: unknown } | undefined
  return typeof timing?.checkMs === 'number' && typeof timing.compareMs === 'number'
}

/** The key under a test's meta where toMatchImageSnapshot lists the reference files it used. */
const TOUCHED_META_KEY = 'imgmetaImageSnapshots'

/** The reference a test used (from its meta), and the diff and received files the matcher writes for it. */
function snapshotFiles(meta: Record<string, unknown>, snapshotDir: string): ImageResult['files'] {
  const touched = meta[TOUCHED_META_KEY] as { files?: unknown } | undefined
  const reference = Array.isArray(touched?.files) ? (touched.files[0] as unknown) : undefined
  if (typeof reference !== 'string') return {}
  const identifier = path.relative(snapshotDir, reference).replace(/\.png$/, '')
  return {
    reference,
    diff: path.join(snapshotDir, '__diff_output__', `${identifier}-diff.png`),
    received: path.join(snapshotDir, '__received_output__', `${identifier}-received.png`),
  }
}
