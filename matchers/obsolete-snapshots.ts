import fs from 'node:fs'
import path from 'node:path'
import { ROUTE_SNAPSHOTS_DIR_NAME, SNAPSHOTS_DIR_NAME } from './snapshot-name.js'
import { TOUCHED_META_KEY, type TouchedSnapshots } from './snapshot-store.js'

// vitest's obsolete-snapshot logic knows `.snap` keys only, so image files need their own bookkeeping: each
// test lists the reference files it used in `task.meta` (which reaches the main process), and at the end of
// a run this module compares those lists with the folders. It only ever decides on a complete run.

/** One finished test as the reporter sees it (a view of vitest's TestCase). */
export interface FinishedTest {
  state: 'passed' | 'failed' | 'skipped' | 'pending'
  touched?: TouchedSnapshots
}

/** One test file of the run (a view of vitest's TestModule). */
export interface FinishedModule {
  moduleId: string
  /** False when the file failed to load or a hook failed: its tests may not have reached their assertions. */
  ok: boolean
  tests: FinishedTest[]
}

/** Why a run is not complete, or undefined when it is. */
export type PartialRunReason = string | undefined

/** The outcome of {@link findObsoleteSnapshots}. */
export interface ObsoleteSnapshots {
  /** Reference images no test used, absolute paths, sorted. */
  obsolete: string[]
  /** Folders not examined because a test that may use them was skipped or failed, or its file failed. */
  skippedDirs: string[]
}

const OUTPUT_DIRS = new Set(['__diff_output__', '__received_output__'])

function listImages(dir: string, onlySnapSuffix: boolean): string[] {
  let entries: string[]
  try {
    entries = fs.readdirSync(dir, { recursive: true }) as string[]
  } catch {
    return []
  }
  return entries
    .filter((entry) => {
      const parts = entry.split(path.sep)
      const name = parts[parts.length - 1]!
      if (parts.some((part) => OUTPUT_DIRS.has(part)) || name.startsWith('.')) return false
      // The imgmeta command's own snapshots: a test file at the project root shares this folder with them.
      if (!onlySnapSuffix && parts.length > 1 && parts[0] === ROUTE_SNAPSHOTS_DIR_NAME) return false
      return onlySnapSuffix ? name.endsWith('-snap.png') : name.endsWith('.png')
    })
    .map((entry) => path.join(dir, entry))
}

/**
 * Finds reference images that no test touched. Pass only complete runs (see {@link partialRunReason}). A
 * folder is examined only when every test file that uses it, or keeps its default snapshots there, ran all
 * its tests to the end: a skipped or failed test may not have reached its assertions.
 */
export function findObsoleteSnapshots(modules: readonly FinishedModule[]): ObsoleteSnapshots {
  const touchedFiles = new Set<string>()
  const dirUsers = new Map<string, boolean>() // folder -> every module using it is complete
  const use = (dir: string, complete: boolean) => dirUsers.set(dir, (dirUsers.get(dir) ?? true) && complete)
  for (const mod of modules) {
    const complete = mod.ok && mod.tests.every((test) => test.state === 'passed')
    use(path.join(path.dirname(mod.moduleId), SNAPSHOTS_DIR_NAME), complete)
    for (const test of mod.tests) {
      for (const dir of test.touched?.dirs ?? []) use(dir, complete)
      for (const file of test.touched?.files ?? []) touchedFiles.add(file)
    }
  }
  const obsolete: string[] = []
  const skippedDirs: string[] = []
  for (const [dir, complete] of dirUsers) {
    if (!fs.existsSync(dir)) continue
    if (!complete) {
      skippedDirs.push(dir)
      continue
    }
    // Outside the default folder, only jest-image-snapshot's `-snap.png` names are ours to judge.
    const images = listImages(dir, path.basename(dir) !== SNAPSHOTS_DIR_NAME)
    for (const file of images) if (!touchedFiles.has(file)) obsolete.push(file)
  }
  return { obsolete: [...new Set(obsolete)].sort(), skippedDirs: skippedDirs.sort() }
}

/** What decides whether a run covered every test: the filters and the files vitest would run unfiltered. */
export interface RunScope {
  reason: 'passed' | 'failed' | 'interrupted'
  shard?: unknown
  testNamePattern?: unknown
  fileFilters?: readonly string[]
  changed?: unknown
  related?: readonly string[]
  /** Test files vitest would run without filters. */
  allFiles: readonly string[]
  /** Test files that ran. */
  ranFiles: readonly string[]
}

/** Says why a run is partial (filtered, sharded, interrupted, a file left out), or undefined if it is complete. */
export function partialRunReason(scope: RunScope): PartialRunReason {
  if (scope.reason === 'interrupted') return 'the run was interrupted'
  if (scope.shard) return 'the run is sharded'
  if (scope.testNamePattern) return 'tests were filtered by name'
  if (scope.fileFilters?.length) return 'test files were filtered'
  if (scope.changed) return 'only changed files ran'
  if (scope.related?.length) return 'only related files ran'
  const ran = new Set(scope.ranFiles)
  const missing = scope.allFiles.filter((file) => !ran.has(file))
  if (missing.length) return `${missing.length} test file(s) did not run`
  return undefined
}

/** Reads the touched-snapshot list a test recorded in its meta. */
export function touchedFromMeta(meta: Record<string, unknown>): TouchedSnapshots | undefined {
  const value = meta[TOUCHED_META_KEY] as TouchedSnapshots | undefined
  return value && Array.isArray(value.files) && Array.isArray(value.dirs) ? value : undefined
}
