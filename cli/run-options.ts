import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { DEFAULT_TIMEOUT_MS } from '../src/deadline.js'
import { ImgmetaError } from '../src/errors.js'
import { TIMEOUT_MS } from '../src/option-rules.js'
import { detectNextVersion, type NextMajor } from '../src/next-version.js'
import type { Params } from '../src/route.js'
import { ROUTE_SNAPSHOTS_DIR_NAME, SNAPSHOTS_DIR_NAME } from '../matchers/snapshot-name.js'
import { loadConfig, type ImgmetaConfig, type RendererChoice } from './config.js'
import { checkSnapshotDir } from './snapshot-dir-guard.js'

/** A reporter asked for with `--reporter name[=file]`. */
export interface ReporterChoice {
  name: 'terminal' | 'junit' | 'json' | 'github' | 'blob'
  /** Output file for `junit`, `json` and `blob` (blob: default `imgmeta-blob/shard-<i>-of-<n>.json`). */
  file?: string
}

/** Everything a `check` or `update` run needs, after flags, config file and defaults were merged. */
export interface RunOptions {
  /** The project folder: vite/vitest config, tsconfig and node_modules are resolved from here. */
  root: string
  /** Absolute app root (`<root>/app` or `<root>/src/app` unless given). */
  appDir: string
  configFile: string | undefined
  nextVersion: NextMajor
  renderer: RendererChoice
  /** The reference renderer refuses CSS satori ignores (`--strict-css`, config `strictCss`). */
  strictCss: boolean
  snapshotDir: string
  threshold: number
  failureThreshold: number
  failureThresholdType: 'pixel' | 'percent'
  /** Write and trust render stamps in snapshots (`--no-render-stamp` turns them off). */
  renderStamp: boolean
  params: Record<string, Params[]>
  metadataBase: string | undefined
  /** `siteUrl` of the config: one more origin whose files of `public/` are served offline. */
  siteUrl: string | undefined
  /** Per-host network rules of the config. */
  network: { deny: string[]; live: string[] }
  shard: { index: number; count: number } | undefined
  reporters: ReporterChoice[]
  summaryFile: string | undefined
  reportDir: string | undefined
  /** `update`: write new and changed snapshots. */
  update: boolean
  /** `update --prune`: delete obsolete snapshots after a complete run. */
  prune: boolean
  /** Missing snapshots fail and are not written (`CI` set, or `--ci`). */
  ci: boolean
  /** The per-image deadline in ms (`--timeout`, `timeoutMs` in the config; default 10 s). */
  timeoutMs: number
}

/** The flags commander hands over, as strings, before validation. */
export interface RawRunFlags {
  config?: string
  root?: string
  nextVersion?: string
  renderer?: string
  strictCss?: boolean
  snapshotDir?: string
  threshold?: string
  /** commander's `--no-render-stamp`: false when given. */
  renderStamp?: boolean
  shard?: string
  reporter?: string[]
  summary?: string
  report?: string
  prune?: boolean
  ci?: boolean
  timeout?: string
}

/**
 * Default snapshot folder, relative to the project. A folder of its own inside `__image_snapshots__/`: vitest
 * tests that call `toMatchImageSnapshot` (imgmeta's or jest-image-snapshot's) write `<name>-snap.png` into the
 * `__image_snapshots__/` beside them, so a test file at the project root shares that folder, and the command
 * lists and prunes every `.png` of its own folder.
 */
export const DEFAULT_SNAPSHOT_DIR = `${SNAPSHOTS_DIR_NAME}/${ROUTE_SNAPSHOTS_DIR_NAME}`

/** Default pixelmatch threshold, the one jest-image-snapshot uses. */
export const DEFAULT_THRESHOLD = 0.01

/** A usage error: exit code 2, message says which flag and what it accepts. */
export function usageError(message: string): ImgmetaError {
  return new ImgmetaError('invalid-option', message)
}

/** Parses `--next-version`. */
export function parseNextVersion(value: string): NextMajor {
  const major = Number(value)
  if (major === 14 || major === 15 || major === 16) return major
  throw usageError(`--next-version must be 14, 15 or 16 (got "${value}").`)
}

/** Parses `--renderer`. */
export function parseRenderer(value: string): RendererChoice {
  if (value === 'reference' || value === 'next') return value
  throw usageError(`--renderer must be "reference" or "next" (got "${value}").`)
}

/** Parses `--shard i/n` as vitest does: 1 ≤ i ≤ n. */
export function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || index < 1 || count < 1 || index > count) {
    throw usageError(`--shard must be <index>/<count> with 1 ≤ index ≤ count, such as 1/3 (got "${value}").`)
  }
  return { index, count }
}

/** Parses `--reporter name[=file]`; junit and json default to files in the project root. */
export function parseReporter(value: string): ReporterChoice {
  const [name, file] = value.split(/=(.*)/s, 2) as [string, string | undefined]
  if (name === 'terminal' || name === 'github') {
    if (file) throw usageError(`--reporter ${name} writes no file; drop "=${file}".`)
    return { name }
  }
  if (name === 'junit') return { name, file: file || 'imgmeta-junit.xml' }
  if (name === 'json') return { name, file: file || 'imgmeta-results.json' }
  if (name === 'blob') return file ? { name, file } : { name }
  throw usageError(`--reporter must be terminal, junit[=file], json[=file], github or blob[=file] (got "${value}").`)
}

/** Parses `--timeout <ms>` by the shared rule (src/option-rules.ts): whole milliseconds a Node timer can wait. */
export function parseTimeout(value: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || !TIMEOUT_MS.test(n)) {
    throw usageError(`--timeout must be ${TIMEOUT_MS.accepts}, such as 20000 (got "${value}").`)
  }
  return n
}

function parseThreshold(value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw usageError(`--threshold must be a number from 0 to 1 (got "${value}").`)
  }
  return n
}

/** Finds the project root and app root for an optional `[appDir]` argument. */
export function locateProject(appDirArg: string | undefined, rootFlag: string | undefined, cwd: string) {
  if (rootFlag !== undefined) {
    const root = path.resolve(cwd, rootFlag)
    if (!isDirectory(root)) throw usageError(`--root ${rootFlag}: no such folder.`)
    return { root, appDirArg: appDirArg === undefined ? undefined : path.resolve(cwd, appDirArg) }
  }
  if (appDirArg === undefined) return { root: cwd, appDirArg: undefined }
  const given = path.resolve(cwd, appDirArg)
  if (!isDirectory(given)) throw usageError(`${appDirArg}: no such folder; pass the app folder (such as app or src/app).`)
  // A project folder is accepted too: `imgmeta check examples/shop` finds examples/shop/app. A folder with a
  // package.json is a project even when it is called `app` (Docker's /app holding app/ or src/app/).
  const isProject = existsSync(path.join(given, 'package.json')) || path.basename(given) !== 'app'
  if (isProject && findDefaultAppDir(given) !== undefined) return { root: given, appDirArg: undefined }
  return { root: nearestPackageRoot(given) ?? cwd, appDirArg: given }
}

/** `app` or `src/app` under the root, whichever exists first. */
export function findDefaultAppDir(root: string): string | undefined {
  return ['app', 'src/app'].map((dir) => path.join(root, dir)).find(isDirectory)
}

function nearestPackageRoot(from: string): string | undefined {
  let dir = from
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory()
  } catch {
    return false
  }
}

/** Merges flags over the config file over defaults; bad values are usage or config errors (exit code 2). */
export async function resolveRunOptions(
  appDirArg: string | undefined,
  flags: RawRunFlags,
  mode: { update: boolean; cwd?: string; env?: NodeJS.ProcessEnv },
): Promise<RunOptions> {
  const cwd = mode.cwd ?? process.cwd()
  const env = mode.env ?? process.env
  const located = locateProject(appDirArg, flags.root, cwd)
  const { file: configFile, config } = await loadConfig(located.root, flags.config)
  const appDir = located.appDirArg ?? configAppDir(located.root, config) ?? findDefaultAppDir(located.root)
  if (appDir === undefined || !isDirectory(appDir)) {
    throw usageError(
      `${appDir ?? located.root}: no app folder found; pass it (imgmeta check src/app) or set appDir in imgmeta.config.ts.`,
    )
  }
  const reporters = (flags.reporter ?? []).map(parseReporter)
  if (!reporters.some((r) => r.name === 'terminal')) reporters.unshift({ name: 'terminal' })
  const ci = flags.ci === true || isCiEnv(env)
  if (flags.prune && !mode.update) throw usageError('--prune only works with `imgmeta update`.')
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard)
  if (flags.prune && shard) throw usageError('--prune needs a complete run; it cannot be combined with --shard.')
  const snapshotDir = path.resolve(located.root, flags.snapshotDir ?? config.snapshotDir ?? DEFAULT_SNAPSHOT_DIR)
  checkSnapshotDir(snapshotDir, located.root, appDir)
  return {
    root: located.root,
    appDir,
    configFile,
    nextVersion: flags.nextVersion ? parseNextVersion(flags.nextVersion) : (config.nextVersion ?? detectNextVersion(located.root)),
    renderer: flags.renderer ? parseRenderer(flags.renderer) : (config.renderer ?? 'reference'),
    strictCss: flags.strictCss === true || config.strictCss === true,
    snapshotDir,
    threshold: flags.threshold !== undefined ? parseThreshold(flags.threshold) : (config.threshold ?? DEFAULT_THRESHOLD),
    failureThreshold: config.failureThreshold ?? 0,
    failureThresholdType: config.failureThresholdType ?? 'pixel',
    renderStamp: flags.renderStamp !== false,
    params: config.params ?? {},
    metadataBase: config.metadataBase,
    siteUrl: config.siteUrl,
    network: { deny: config.network?.deny ?? [], live: config.network?.live ?? [] },
    shard,
    reporters,
    summaryFile: flags.summary === undefined ? undefined : path.resolve(cwd, flags.summary),
    reportDir: flags.report === undefined ? undefined : path.resolve(cwd, flags.report),
    update: mode.update,
    prune: flags.prune === true,
    ci,
    timeoutMs: flags.timeout !== undefined ? parseTimeout(flags.timeout) : (config.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  }
}

function configAppDir(root: string, config: ImgmetaConfig): string | undefined {
  return config.appDir === undefined ? undefined : path.resolve(root, config.appDir)
}

/** CI as vitest and most tools read it: `CI` set to anything but empty or "false"/"0". */
export function isCiEnv(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI
  return value !== undefined && value !== '' && value !== 'false' && value !== '0'
}
