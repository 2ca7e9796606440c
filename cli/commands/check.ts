import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ImgmetaError } from '../../src/errors.js'
import { pruneRecordings } from '../../next-runtime/network/run-recordings.js'
import { defaultBlobFile, writeBlobReport } from '../blob-report.js'
import { hasRenderStamp } from '../../matchers/render-stamp.js'
import { canPrune, findObsoleteSnapshots, pruneSnapshots } from '../obsolete-snapshots.js'
import type { ProgramIO } from '../program-io.js'
import { formatGithubAnnotations } from '../reporters/github.js'
import { writeHtmlReport } from '../reporters/html-report.js'
import { formatMarkdownSummary } from '../reporters/summary.js'
import { formatTerminalReport, progressListener } from '../reporters/terminal.js'
import { resolveRunOptions, type RawRunFlags } from '../run-options.js'
import { reportFile, runImageChecks, type RunOutcome } from '../run-vitest.js'
import { formatJsonReport } from '../reporters/json.js'
import { formatJunitReport } from '../reporters/junit.js'
import { updateManifest } from '../snapshot-manifest.js'

/** `imgmeta check` and `imgmeta update`: run, report, return the exit code (0 ok, 1 findings, 2 usage/config). */
export async function runCheckCommand(
  appDir: string | undefined,
  flags: RawRunFlags,
  mode: { update: boolean },
  io: ProgramIO,
): Promise<number> {
  let options
  try {
    options = await resolveRunOptions(appDir, flags, mode)
  } catch (error) {
    if (error instanceof ImgmetaError) {
      io.stderr(`imgmeta: ${error.message}\n`)
      return 2
    }
    throw error
  }
  const isTTY = io.isTTY === true
  const progress = progressListener({ write: io.stdout, isTTY })
  let outcome
  try {
    outcome = await runImageChecks(options, progress)
  } catch (error) {
    progress.finish()
    if (error instanceof ImgmetaError) {
      io.stderr(`imgmeta: ${error.message}\n`)
      return 2
    }
    throw error
  }
  progress.finish()

  recordWrittenSnapshots(outcome)
  if (outcome.complete) {
    outcome.obsolete = findObsoleteSnapshots(outcome)
    if (options.prune && canPrune(outcome)) {
      const pruned = pruneSnapshots(outcome.obsolete, options.snapshotDir)
      outcome.pruned = pruned.deleted
      outcome.pruneKept = pruned.kept
      updateManifest(options.snapshotDir, [], pruned.deleted)
      if (outcome.network) outcome.network.pruned = pruneRecordings(outcome.network)
    } else if (options.prune) {
      io.stderr('imgmeta: --prune deleted nothing: some images failed before their snapshot was compared, so unused files cannot be told apart.\n')
    }
  }

  io.stdout(formatTerminalReport(outcome, isTTY && !process.env.NO_COLOR))
  if (options.reporters.some((r) => r.name === 'github')) io.stdout(formatGithubAnnotations(outcome))
  if (outcome.rerun) {
    // vitest wrote its JUnit/JSON files in each run, the last one over the others: after a kill they are
    // written again from every image of the whole run, the killed one a timed-out failure.
    for (const reporter of options.reporters.filter((r) => r.name === 'junit' || r.name === 'json')) {
      const file = reportFile(options.root, reporter)
      try {
        writeAtomic(file, reporter.name === 'junit' ? formatJunitReport(outcome) : formatJsonReport(outcome), { append: false })
      } catch (error) {
        io.stderr(`imgmeta: could not write the ${reporter.name} report ${file}: ${(error as Error).message}. Pass a path you can write to.\n`)
        return 2
      }
    }
  }
  try {
    if (options.summaryFile) writeAtomic(options.summaryFile, formatMarkdownSummary(outcome), { append: true })
    if (options.reportDir) {
      const index = writeHtmlReport(outcome, options.reportDir)
      io.stdout(`Report     ${path.relative(process.cwd(), index)}\n`)
    }
  } catch (error) {
    // A report path that cannot be written is a usage error, told as such, not a stack trace.
    const code = (error as NodeJS.ErrnoException).code
    if (typeof code !== 'string') throw error
    io.stderr(`imgmeta: could not write the ${options.reportDir ? '--report folder' : '--summary file'}: ${(error as Error).message}. Pass a path you can write to.\n`)
    return 2
  }
  for (const reporter of options.reporters.filter((r) => r.name === 'blob')) {
    const file = writeBlobReport(outcome, reporter.file ?? defaultBlobFile(options.shard))
    io.stdout(`Blob       ${path.relative(process.cwd(), file)} (combine the shards with \`imgmeta merge-reports\`)\n`)
  }
  const failed = outcome.results.some((r) => r.state === 'failed') || outcome.errors.length > 0
  return failed ? 1 : 0
}

/**
 * Writes a report file. `$GITHUB_STEP_SUMMARY` is shared by every step of a job, so a summary is appended
 * to an existing file rather than replacing it; other files are written atomically.
 */
export function writeAtomic(file: string, text: string, options: { append: boolean }): void {
  mkdirSync(path.dirname(file), { recursive: true })
  if (options.append) {
    writeFileSync(file, text, { flag: 'a' })
    return
  }
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, text)
  renameSync(temp, file)
}

/**
 * Adds the references that passing images used to the snapshot folder's manifest: each sits where the command
 * names an image's snapshot and holds that image, so it is the command's own and `--prune` may delete it later.
 * Files with a render stamp prove that by themselves and are not listed (a default run writes no manifest).
 */
function recordWrittenSnapshots(outcome: RunOutcome): void {
  // A run that wrote no snapshot has nothing new to record: unchanged runs read no reference again.
  if (outcome.snapshots.added + outcome.snapshots.updated === 0) return
  const used = outcome.results.flatMap((r) => (r.state === 'passed' && r.files.reference && existsSync(r.files.reference) ? [r.files.reference] : []))
  const unstamped = used.filter((file) => !hasRenderStamp(readFileSync(file)))
  if (unstamped.length > 0) updateManifest(outcome.options.snapshotDir, unstamped)
}
