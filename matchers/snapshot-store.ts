import fs from 'node:fs'
import path from 'node:path'
import { ImgmetaError } from '../src/errors.js'
import { SNAPSHOTS_DIR_NAME } from './snapshot-name.js'

// Everything the matcher knows about vitest's snapshot state and the file system lives here, so the matcher
// itself stays a short sequence of decisions.

/** vitest's update modes: `all` with `-u`, `new` locally (write missing ones), `none` on CI. */
export type UpdateMode = 'all' | 'new' | 'none'

/** The per-test counters vitest ≥ 3 keeps (`CounterMap`); older versions used plain numbers. */
interface CounterLike {
  increment?(key: string): void
  valueOf(): number
}

/** The part of vitest's `SnapshotState` the matcher uses (public fields plus the ones jest-image-snapshot uses). */
export interface SnapshotStateLike {
  snapshotUpdateState?: UpdateMode
  _updateSnapshot?: UpdateMode
  _counters?: { get(name: string): number | undefined; set(name: string, value: number): unknown }
  _testIdToKeys?: { get(testId: string): string[] }
  added: CounterLike | number
  matched: CounterLike | number
  unmatched: CounterLike | number
  updated: CounterLike | number
}

/** The part of vitest's test task the matcher uses. */
export interface TaskLike {
  id: string
  meta: Record<string, unknown>
  result?: { retryCount?: number; repeatCount?: number }
}

/** The update mode of this run: `-u` → `all`, CI → `none`, otherwise `new`. */
export function updateMode(state: SnapshotStateLike): UpdateMode {
  return state.snapshotUpdateState ?? state._updateSnapshot ?? 'new'
}

const attempts = new WeakMap<object, { attempt: string; issued: number; name: string }>()

/**
 * The next snapshot counter of a test: jest-image-snapshot's counter (`snapshotState._counters`, shared with
 * toMatchSnapshot so mixed tests name files identically), but rolled back when vitest retries or repeats the
 * test, so an attempt compares against the same files as the first one instead of drifting to `-2-snap`.
 */
export function nextSnapshotCounter(state: SnapshotStateLike, testName: string, task: TaskLike | undefined): number {
  const counters = state._counters
  if (!counters) return nextLocalCounter(testName, task)
  const count = (counters.get(testName) ?? 0) + 1
  counters.set(testName, count)
  if (task && state._testIdToKeys) {
    // vitest's clearTest() decrements _counters for every key registered to the test before each attempt.
    state._testIdToKeys.get(task.id).push(`${testName} ${count}`)
  } else if (task) {
    const attempt = `${task.result?.retryCount ?? 0}/${task.result?.repeatCount ?? 0}`
    const seen = attempts.get(task)
    if (seen && seen.attempt !== attempt) {
      counters.set(testName, count - seen.issued)
      attempts.set(task, { attempt, issued: 1, name: testName })
      return count - seen.issued
    }
    attempts.set(task, { attempt, issued: (seen?.issued ?? 0) + 1, name: testName })
  }
  return count
}

const localCounters = new Map<string, { attempt: string; count: number }>()

function nextLocalCounter(testName: string, task: TaskLike | undefined): number {
  const key = `${task?.id ?? ''}\0${testName}`
  const attempt = `${task?.result?.retryCount ?? 0}/${task?.result?.repeatCount ?? 0}`
  const entry = localCounters.get(key)
  const count = entry && entry.attempt === attempt ? entry.count + 1 : 1
  localCounters.set(key, { attempt, count })
  return count
}

/** Outcomes vitest's snapshot summary counts. */
export type SnapshotOutcome = 'added' | 'matched' | 'unmatched' | 'updated'

/** Counts one outcome in vitest's summary, per test so that vitest can roll it back when it retries. */
export function recordOutcome(state: SnapshotStateLike, task: TaskLike | undefined, outcome: SnapshotOutcome): void {
  const counter = state[outcome]
  if (task && typeof counter === 'object' && typeof counter.increment === 'function') counter.increment(task.id)
  else state[outcome] = Number(counter) + 1
}

/** Where one snapshot's files go. */
export interface SnapshotPaths {
  snapshotsDir: string
  reference: string
  diff: string
  received: string
}

/** Inputs of {@link resolveSnapshotPaths}: jest-image-snapshot's folder options. */
export interface SnapshotPathOptions {
  testPath: string
  identifier: string
  customSnapshotsDir?: string
  customDiffDir?: string
  customReceivedDir?: string
  customReceivedPostfix?: string
}

function inside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/**
 * Resolves the reference, diff and received paths (jest-image-snapshot's layout: `__image_snapshots__/` beside
 * the test, `__diff_output__/` and `__received_output__/` inside it) and refuses identifiers that would leave
 * those folders.
 */
export function resolveSnapshotPaths(options: SnapshotPathOptions): SnapshotPaths {
  const { identifier, testPath } = options
  if (identifier.includes('\0') || path.isAbsolute(identifier) || /^[a-zA-Z]:/.test(identifier)) {
    throw new ImgmetaError(
      'invalid-option',
      `customSnapshotIdentifier ${JSON.stringify(identifier)} in ${testPath} is not a relative file name; ` +
        `use a name such as "home-card" (sub-folders like "cards/home" are fine).`,
    )
  }
  const snapshotsDir = path.resolve(options.customSnapshotsDir ?? path.join(path.dirname(testPath), SNAPSHOTS_DIR_NAME))
  const diffDir = path.resolve(options.customDiffDir ?? path.join(snapshotsDir, '__diff_output__'))
  const receivedDir = path.resolve(options.customReceivedDir ?? path.join(snapshotsDir, '__received_output__'))
  const paths: SnapshotPaths = {
    snapshotsDir,
    reference: path.join(snapshotsDir, `${identifier}.png`),
    diff: path.join(diffDir, `${identifier}-diff.png`),
    received: path.join(receivedDir, `${identifier}${options.customReceivedPostfix ?? '-received'}.png`),
  }
  const postfix = options.customReceivedPostfix
  if (postfix !== undefined && (/[/\\\0]/.test(postfix) || postfix.includes('..'))) {
    throw new ImgmetaError(
      'invalid-option',
      `customReceivedPostfix ${JSON.stringify(postfix)} in ${testPath} is not a plain file-name suffix; use one such as "-received".`,
    )
  }
  const escapes =
    !inside(snapshotsDir, paths.reference) || !inside(diffDir, paths.diff) || !inside(receivedDir, paths.received)
  if (escapes) {
    throw new ImgmetaError(
      'invalid-option',
      `customSnapshotIdentifier ${JSON.stringify(identifier)} in ${testPath} would write outside ${snapshotsDir}; ` +
        `remove the "../" from it, or set customSnapshotsDir instead.`,
    )
  }
  checkNameLengths(identifier, testPath, [paths.reference, paths.diff, paths.received])
  return paths
}

/** Most bytes in one file name on common file systems (ext4, APFS, NTFS in UTF-16 units). */
const MAX_FILE_NAME_BYTES = 255

/** Room the temporary name of an atomic write adds to a file name: `.<name>.<pid>.<counter>.tmp`. */
const TEMP_NAME_EXTRA_BYTES = 32

/** The longest identifier segment: every file written for it, temporary names included, fits the limit. */
export const MAX_IDENTIFIER_SEGMENT_BYTES = MAX_FILE_NAME_BYTES - TEMP_NAME_EXTRA_BYTES - '-received.png'.length

/**
 * Refuses an identifier whose files would have names too long for the file system (ENAMETOOLONG, or a raw
 * error on the temporary name of an atomic write), with its length and the limit.
 */
function checkNameLengths(identifier: string, testPath: string, files: readonly string[]): void {
  for (const file of files) {
    const bytes = Buffer.byteLength(path.basename(file)) + TEMP_NAME_EXTRA_BYTES
    if (bytes > MAX_FILE_NAME_BYTES) {
      const segment = path.basename(identifier)
      throw new ImgmetaError(
        'invalid-option',
        `The snapshot identifier in ${testPath} is too long for a file name: its last part has ${Buffer.byteLength(segment)} ` +
          `bytes, at most ${MAX_IDENTIFIER_SEGMENT_BYTES} fit (${JSON.stringify(segment.slice(0, 40))}…). Give the test a shorter ` +
          `name, or set customSnapshotIdentifier.`,
      )
    }
  }
}

let tempCounter = 0

function tempPath(file: string): string {
  tempCounter += 1
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${tempCounter}.tmp`)
}

function writeTemp(file: string, bytes: Uint8Array): string {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const temp = tempPath(file)
  fs.writeFileSync(temp, bytes)
  return temp
}

/** Writes a file atomically: a temporary file in the same folder, then a rename over the target. */
export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  const temp = writeTemp(file, bytes)
  try {
    fs.renameSync(temp, file)
  } catch (error) {
    fs.rmSync(temp, { force: true })
    throw error
  }
}

/**
 * Creates a file atomically only if it does not exist yet (a hard link from a temporary file fails when
 * another worker got there first). Returns false, writing nothing, when the file already exists.
 */
export function createFileExclusive(file: string, bytes: Uint8Array): boolean {
  const temp = writeTemp(file, bytes)
  try {
    fs.linkSync(temp, file)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    // File systems without hard links: fall back to check-then-rename (a narrow race, still never partial).
    if (fs.existsSync(file)) return false
    fs.renameSync(temp, file)
    return true
  } finally {
    fs.rmSync(temp, { force: true })
  }
}

/** Reads a file, or returns undefined when it does not exist. */
export function readIfExists(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Removes a file this matcher writes (a stale diff or received image) if it is there. */
export function removeStale(file: string): void {
  if (fs.existsSync(file)) fs.rmSync(file, { force: true })
}

/** The key under `task.meta` where the matcher lists the snapshot files a test touched. */
export const TOUCHED_META_KEY = 'imgmetaImageSnapshots'

/** What a test records in `task.meta[TOUCHED_META_KEY]`: snapshot folders and the reference files it used. */
export interface TouchedSnapshots {
  dirs: string[]
  files: string[]
}

/** Records in the test's meta (sent to the main process) that this test used `paths.reference`. */
export function markTouched(task: TaskLike | undefined, paths: SnapshotPaths): void {
  if (!task) return
  const touched = (task.meta[TOUCHED_META_KEY] ??= { dirs: [], files: [] }) as TouchedSnapshots
  if (!touched.dirs.includes(paths.snapshotsDir)) touched.dirs.push(paths.snapshotsDir)
  if (!touched.files.includes(paths.reference)) touched.files.push(paths.reference)
}
