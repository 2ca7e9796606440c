import { DEFAULT_TIMEOUT_MS } from '../../src/deadline.js'
import path from 'node:path'
import { ImgmetaError } from '../../src/errors.js'
import { DEFAULT_NEXT_MAJOR } from '../../src/next-version.js'
import { DEFAULT_BLOB_DIR, mergeBlobReports } from '../blob-report.js'
import { findObsoleteSnapshots } from '../obsolete-snapshots.js'
import type { ProgramIO } from '../program-io.js'
import { formatGithubAnnotations } from '../reporters/github.js'
import { writeHtmlReport } from '../reporters/html-report.js'
import { formatJsonReport } from '../reporters/json.js'
import { formatJunitReport } from '../reporters/junit.js'
import { formatMarkdownSummary } from '../reporters/summary.js'
import { formatTerminalReport } from '../reporters/terminal.js'
import { parseReporter, type RunOptions } from '../run-options.js'
import { writeAtomic } from './check.js'

/** The flags of `imgmeta merge-reports`, as commander hands them over. */
export interface MergeFlags {
  root?: string
  reporter?: string[]
  summary?: string
  report?: string
}

/**
 * `imgmeta merge-reports [dir]`: reads the blob files the shards of `imgmeta check --shard i/n --reporter blob`
 * wrote and reports the whole run with the same reporters as check. Exit 0 when every image of every shard
 * passed, 1 on a finding or a missing shard, 2 on bad usage or unreadable blobs.
 */
export async function runMergeReportsCommand(dir: string | undefined, flags: MergeFlags, io: ProgramIO): Promise<number> {
  const root = path.resolve(flags.root ?? '.')
  let merged
  let reporters
  try {
    reporters = (flags.reporter ?? []).map(parseReporter)
    const blob = reporters.find((r) => r.name === 'blob')
    if (blob) throw new ImgmetaError('config-failed', 'merge-reports writes no blob; use terminal, junit, json or github.')
    merged = mergeBlobReports(path.resolve(dir ?? DEFAULT_BLOB_DIR), root, mergeOptions(root, flags, reporters))
  } catch (error) {
    if (error instanceof ImgmetaError) {
      io.stderr(`imgmeta: ${error.message}\n`)
      return 2
    }
    throw error
  }
  const { outcome, missingShards } = merged
  // Every shard ran to its end, so a snapshot no shard used is used by no route: the same verdict as a
  // complete run. With a shard missing, its routes' snapshots would look unused: no verdict.
  if (outcome.complete) outcome.obsolete = findObsoleteSnapshots(outcome)

  io.stdout(`imgmeta: merged ${merged.files.length} blob file${merged.files.length === 1 ? '' : 's'}\n`)
  io.stdout(formatTerminalReport(outcome, io.isTTY === true && !process.env.NO_COLOR))
  if (missingShards.length > 0) {
    const count = missingShards.length + merged.files.length
    io.stderr(
      `imgmeta: shard${missingShards.length === 1 ? '' : 's'} ${missingShards.map((i) => `${i}/${count}`).join(', ')} reported nothing: ` +
        `the merged report is incomplete and lists no obsolete snapshots. Check the failed shard jobs.\n`,
    )
  }
  for (const reporter of reporters) {
    if (reporter.name === 'github') io.stdout(formatGithubAnnotations(outcome))
    if (reporter.name === 'junit') writeAtomic(path.resolve(root, reporter.file!), formatJunitReport(outcome), { append: false })
    if (reporter.name === 'json') writeAtomic(path.resolve(root, reporter.file!), formatJsonReport(outcome), { append: false })
  }
  if (flags.summary) writeAtomic(path.resolve(flags.summary), formatMarkdownSummary(outcome), { append: true })
  if (flags.report) {
    const index = writeHtmlReport(outcome, path.resolve(flags.report))
    io.stdout(`Report     ${path.relative(process.cwd(), index)}\n`)
  }
  const failed = outcome.results.some((r) => r.state === 'failed') || outcome.errors.length > 0
  return failed || missingShards.length > 0 ? 1 : 0
}

/** Run options for the reporters of a merged run: what the blobs do not carry, from the flags or left blank. */
function mergeOptions(root: string, flags: MergeFlags, reporters: RunOptions['reporters']): RunOptions {
  return {
    root,
    appDir: root,
    configFile: undefined,
    nextVersion: DEFAULT_NEXT_MAJOR,
    renderer: 'next',
    strictCss: false,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    snapshotDir: root,
    threshold: 0,
    failureThreshold: 0,
    failureThresholdType: 'pixel',
    renderStamp: true,
    params: {},
    metadataBase: undefined,
    siteUrl: undefined,
    network: { deny: [], live: [] },
    shard: undefined,
    reporters,
    summaryFile: flags.summary,
    reportDir: flags.report,
    update: false,
    prune: false,
    ci: true,
  }
}
