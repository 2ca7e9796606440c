import { lstatSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { hasRenderStamp } from '../matchers/render-stamp.js'
import { relativeFile, type RunOutcome } from './run-vitest.js'
import { snapshotIdentifierForTest } from './snapshot-files.js'
import { readManifest } from './snapshot-manifest.js'

/**
 * Snapshot files (`*.png` under the snapshot folder, default `__image_snapshots__/routes`) that no image of a
 * complete run used. Files in `__diff_output__/` and `__received_output__/` are the matcher's own output, and
 * `*-snap.png` files belong to vitest tests: neither is ever listed.
 */
export function findObsoleteSnapshots(outcome: RunOutcome): string[] {
  // An error outside any image test may belong to any route: no file can then be called unused.
  if (outcome.errors.length > 0) return []
  const used = new Set(outcome.results.flatMap((r) => (r.files.reference ? [path.resolve(r.files.reference)] : [])))
  const snapshotDir = path.resolve(outcome.options.snapshotDir)
  const unsure = uncheckedRoutePatterns(outcome)
  return listSnapshotFiles(outcome.options.snapshotDir)
    .filter((file) => !used.has(file))
    .filter((file) => {
      const relative = path.relative(snapshotDir, file).split(path.sep).join('/')
      return !unsure.some((pattern) => pattern.test(relative))
    })
    .sort()
}

/**
 * Patterns of the snapshot files of routes that failed or were not covered in this run: their images (and so
 * their ids) are unknown, so none of their snapshots may be called obsolete. A dynamic segment matches any
 * value; the pattern may take in a neighbour route's files too, which only keeps them off the list.
 */
function uncheckedRoutePatterns(outcome: RunOutcome): RegExp[] {
  const unchecked = new Set(outcome.results.filter((r) => r.state !== 'passed').map((r) => r.file))
  const ran = new Set(outcome.results.map((r) => r.file))
  return outcome.routes
    .filter((route) => {
      const file = relativeFile(outcome.options.root, route)
      return unchecked.has(file) || !ran.has(file)
    })
    .map((route) => routeSnapshotPattern(route.pathTemplate))
}

function routeSnapshotPattern(pathTemplate: string): RegExp {
  const parts = pathTemplate
    .replace(/^\/+/, '')
    .split('/')
    .map((segment) => {
      if (/^\[\[\.\.\..+\]\]$/.test(segment)) return '(?:[^/]+/)*'
      if (/^\[\.\.\..+\]$/.test(segment)) return '(?:[^/]+/)+'
      if (/^\[.+\]$/.test(segment)) return '[^/]+/'
      return `${escapeRegExp(snapshotIdentifierForTest(segment))}/`
    })
  return new RegExp(`^${parts.join('')}`.replace(/\/$/, '') + '(?:/.+)?\\.png$')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Folders inside the snapshot folder that hold the matcher's output, not references. */
const OUTPUT_DIRS: ReadonlySet<string> = new Set(['__diff_output__', '__received_output__'])

/** The most files listed in a snapshot folder; a mis-pointed folder (the project root) stops here. */
export const MAX_SNAPSHOT_FILES = 100_000

/**
 * The ending jest-image-snapshot (and imgmeta's `toMatchImageSnapshot`, which names files the same way) gives
 * every snapshot a vitest test writes. A user may point `--snapshot-dir` at a folder such tests share, such as
 * `__image_snapshots__` at the project root; those files are the tests' references, not the command's, and
 * `update --prune` must never delete them. The cost is only that a route image whose id ends in `-snap` is
 * never reported as obsolete.
 */
const TEST_SNAPSHOT_SUFFIX = '-snap.png'

/**
 * Every reference `.png` under the snapshot folder (identifiers may hold sub-folders); output folders and
 * vitest tests' `*-snap.png` files excluded.
 */
export function listSnapshotFiles(snapshotDir: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!OUTPUT_DIRS.has(entry.name) && entry.name !== 'node_modules') walk(full)
      } else if (
        entry.isFile() &&
        entry.name.endsWith('.png') &&
        !entry.name.endsWith(TEST_SNAPSHOT_SUFFIX) &&
        out.length < MAX_SNAPSHOT_FILES
      ) {
        out.push(full)
      }
    }
  }
  walk(snapshotDir)
  return out
}

/** True when every image reached its snapshot comparison, so an unused file is really unused. */
export function canPrune(outcome: RunOutcome): boolean {
  return outcome.complete && outcome.errors.length === 0 && outcome.results.every((r) => r.state === 'passed')
}

/** What `--prune` did: the files it deleted, and the obsolete files it kept because nothing proves imgmeta wrote them. */
export interface PruneResult {
  deleted: string[]
  kept: string[]
}

/**
 * Deletes the given obsolete files that imgmeta can prove it wrote: inside the snapshot folder, a regular file
 * (not a link), not a test's `*-snap.png`, and either listed in the folder's manifest or carrying imgmeta's
 * render stamp. Anything else is kept and returned, for the user to delete by hand.
 */
export function pruneSnapshots(files: readonly string[], snapshotDir: string): PruneResult {
  const deleted: string[] = []
  const kept: string[] = []
  const listed = readManifest(path.resolve(snapshotDir))
  for (const file of files) {
    const relative = path.relative(path.resolve(snapshotDir), path.resolve(file))
    const inside = !relative.startsWith('..') && !path.isAbsolute(relative)
    if (!inside || !file.endsWith('.png') || file.endsWith(TEST_SNAPSHOT_SUFFIX)) continue
    if (!isRegularFile(file) || !(listed.has(path.resolve(file)) || hasRenderStamp(readFileSync(file)))) {
      kept.push(file)
      continue
    }
    rmSync(file, { force: true })
    deleted.push(file)
  }
  return { deleted, kept }
}

function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file).isFile()
  } catch {
    return false
  }
}
