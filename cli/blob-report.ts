// A shard's results as a file (`--reporter blob`), and the whole run put back together from them
// (`imgmeta merge-reports`), as vitest's `--merge-reports` and Playwright's blob reports do.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ImgmetaError } from '../src/errors.js'
import type { ImageRoute } from '../src/route.js'
import type { RunOptions } from './run-options.js'
import type { ImageResult, RunOutcome, SnapshotCounts } from './run-vitest.js'

/** The folder `--reporter blob` writes into when no file is given, and `merge-reports` reads by default. */
export const DEFAULT_BLOB_DIR = 'imgmeta-blob'

/** Tells a blob file from other JSON in the folder, and its format version from later ones. */
const BLOB_MARK = 'imgmeta-blob'
const BLOB_VERSION = 1

/** Failure images copied into a blob; as with the HTML report, the rest are listed by name only. */
export const MAX_BLOB_IMAGES = 200

/** One shard's run as written to disk: routes and snapshots relative to the project root, received and diff images relative to the blob file. */
interface BlobFile {
  format: typeof BLOB_MARK
  version: number
  shard: { index: number; count: number } | null
  snapshotDir: string
  routes: ImageRoute[]
  results: ImageResult[]
  errors: RunOutcome['errors']
  snapshots: SnapshotCounts
  durationMs: number
}

/** The file name a shard's blob gets by default: `imgmeta-blob/shard-2-of-4.json`, or `run.json` unsharded. */
export function defaultBlobFile(shard: RunOptions['shard']): string {
  return path.join(DEFAULT_BLOB_DIR, shard ? `shard-${shard.index}-of-${shard.count}.json` : 'run.json')
}

const toPosix = (file: string) => file.split(path.sep).join('/')

/**
 * Writes `outcome` as a blob file, with the expected, received and diff images of its failures copied into a
 * folder beside it (named after the file) so that the blob folder alone is the CI artifact.
 */
export function writeBlobReport(outcome: RunOutcome, file: string): string {
  const root = outcome.options.root
  const target = path.resolve(root, file)
  const imagesName = path.basename(target, '.json')
  const imagesDir = path.join(path.dirname(target), imagesName)
  let copied = 0
  const results = outcome.results.map((result, index) => {
    // The snapshot is in the checkout the merge runs in; received and diff images exist only on the shard's
    // machine, so those of failures are copied beside the blob.
    const files: ImageResult['files'] = {}
    if (result.files.reference) files.reference = toPosix(path.relative(root, result.files.reference))
    if (result.state !== 'passed' && copied < MAX_BLOB_IMAGES) {
      copied += 1
      for (const key of ['received', 'diff'] as const) {
        const source = result.files[key]
        if (!source || !existsSync(source)) continue
        mkdirSync(imagesDir, { recursive: true })
        const name = `${index + 1}-${key}.png`
        copyFileSync(source, path.join(imagesDir, name))
        files[key] = `${imagesName}/${name}`
      }
    }
    return { ...result, files }
  })
  const blob: BlobFile = {
    format: BLOB_MARK,
    version: BLOB_VERSION,
    shard: outcome.options.shard ?? null,
    snapshotDir: toPosix(path.relative(root, outcome.options.snapshotDir)),
    routes: outcome.routes.map((route) => ({ ...route, file: toPosix(path.relative(root, path.resolve(route.file))), appDir: toPosix(path.relative(root, path.resolve(route.appDir))) })),
    results,
    errors: outcome.errors,
    snapshots: outcome.snapshots,
    durationMs: outcome.durationMs,
  }
  mkdirSync(path.dirname(target), { recursive: true })
  const temp = `${target}.${process.pid}.tmp`
  writeFileSync(temp, JSON.stringify(blob))
  renameSync(temp, target)
  return target
}

/** The merged run and what the shards said about its completeness. */
export interface MergedRun {
  outcome: RunOutcome
  /** Blob files read, in shard order. */
  files: string[]
  /** Shard indexes (1-based) of `count` that have no blob; empty when every shard reported. */
  missingShards: number[]
}

/**
 * Reads every blob file in `dir` and merges them into one run of the project at `root`: results and routes
 * are the union of the shards', counts are summed, the duration is the longest shard's. The run is complete —
 * and only then are obsolete snapshots listed — when every shard 1..n of one `--shard i/n` split is present
 * exactly once (or the one blob is of an unsharded run).
 */
export function mergeBlobReports(dir: string, root: string, options: RunOptions): MergedRun {
  let names: string[]
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json')).sort()
  } catch (cause) {
    throw new ImgmetaError('config-failed', `merge-reports: cannot read the folder ${dir} (${(cause as Error).message}); give the folder the shards' blob files were downloaded into.`, { cause })
  }
  const blobs: { file: string; blob: BlobFile }[] = []
  for (const name of names) {
    const file = path.join(dir, name)
    let blob: BlobFile
    try {
      blob = JSON.parse(readFileSync(file, 'utf8')) as BlobFile
    } catch (cause) {
      throw new ImgmetaError('config-failed', `merge-reports: ${file} is not valid JSON (${(cause as Error).message}); was the artifact cut short?`, { cause })
    }
    if (blob?.format !== BLOB_MARK) continue
    if (blob.version !== BLOB_VERSION) {
      throw new ImgmetaError('config-failed', `merge-reports: ${file} is blob format ${blob.version}; this imgmeta reads format ${BLOB_VERSION}. Run the shards and the merge with the same imgmeta version.`)
    }
    blobs.push({ file, blob })
  }
  if (blobs.length === 0) {
    throw new ImgmetaError('config-failed', `merge-reports: no blob files in ${dir}; run each shard with \`imgmeta check --shard i/n --reporter blob\` and put their ${DEFAULT_BLOB_DIR}/ folders together.`)
  }

  const counts = new Set(blobs.map(({ blob }) => blob.shard?.count ?? 1))
  if (counts.size > 1) {
    throw new ImgmetaError('config-failed', `merge-reports: the blobs in ${dir} come from different splits (${[...counts].map((n) => `/${n}`).join(', ')}); merge the shards of one run only.`)
  }
  const count = [...counts][0]!
  const seen = new Map<number, string>()
  for (const { file, blob } of blobs) {
    const index = blob.shard?.index ?? 1
    const other = seen.get(index)
    if (other) throw new ImgmetaError('config-failed', `merge-reports: ${other} and ${file} are both shard ${index}/${count}; merge the shards of one run only.`)
    seen.set(index, file)
  }
  blobs.sort((a, b) => (a.blob.shard?.index ?? 1) - (b.blob.shard?.index ?? 1))
  const missingShards = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index))

  const results: ImageResult[] = blobs.flatMap(({ file, blob }) =>
    blob.results.map((result) => {
      const files: ImageResult['files'] = {}
      if (result.files.reference) files.reference = path.resolve(root, result.files.reference)
      for (const key of ['received', 'diff'] as const) {
        const stored = result.files[key]
        if (stored) files[key] = path.join(path.dirname(file), stored)
      }
      return { ...result, files }
    }),
  )
  const routes = blobs.flatMap(({ blob }) => blob.routes.map((route) => ({ ...route, file: path.resolve(root, route.file), appDir: path.resolve(root, route.appDir) })))
  const sum = (key: keyof SnapshotCounts) => blobs.reduce((total, { blob }) => total + blob.snapshots[key], 0)
  const snapshotDir = path.resolve(root, blobs[0]!.blob.snapshotDir)
  const outcome: RunOutcome = {
    options: { ...options, root, snapshotDir, shard: undefined },
    routes,
    results,
    errors: blobs.flatMap(({ blob }) => blob.errors),
    snapshots: { added: sum('added'), updated: sum('updated'), matched: sum('matched'), unmatched: sum('unmatched') },
    complete: missingShards.length === 0,
    obsolete: [],
    pruned: [],
    pruneKept: [],
    durationMs: Math.max(...blobs.map(({ blob }) => blob.durationMs)),
    timing: { startupMs: 0, testsMs: 0 },
  }
  return { outcome, files: blobs.map(({ file }) => file), missingShards }
}
