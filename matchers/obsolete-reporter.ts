import fs from 'node:fs'
import path from 'node:path'
import type { Reporter, TestModule, TestSpecification, Vitest } from 'vitest/node'
import {
  findObsoleteSnapshots,
  partialRunReason,
  touchedFromMeta,
  type FinishedModule,
  type ObsoleteSnapshots,
} from './obsolete-snapshots.js'

/** Options of {@link ImageSnapshotReporter}. */
export interface ImageSnapshotReporterOptions {
  /** Delete obsolete image snapshots at the end of a complete run (default false: only list them). */
  removeObsolete?: boolean
  /** Where messages go (default vitest's logger). */
  log?: (message: string) => void
}

/** The outcome of one run, for callers that want to act on it (the imgmeta vitest plugin, the CLI). */
export interface ImageSnapshotRunReport extends ObsoleteSnapshots {
  /** Why obsolete snapshots were not looked for; undefined on a complete run. */
  partial?: string
  removed: string[]
}

function toFinished(mod: TestModule): FinishedModule {
  const tests = [...mod.children.allTests()].map((test) => ({
    state: test.result().state,
    touched: touchedFromMeta(test.meta() as Record<string, unknown>),
  }))
  // Module errors are load and hook failures; failed tests already show in their own state.
  return { moduleId: mod.moduleId, ok: mod.errors().length === 0, tests }
}

/**
 * Decides at the end of a run which image snapshots are obsolete, and removes them when asked. Returns
 * without looking when the run was partial (filtered by name or file, sharded, --changed, interrupted, or a
 * test file did not run).
 */
export async function reportObsoleteImageSnapshots(
  vitest: Vitest,
  testModules: ReadonlyArray<TestModule>,
  reason: 'passed' | 'failed' | 'interrupted',
  options: ImageSnapshotReporterOptions = {},
): Promise<ImageSnapshotRunReport> {
  const config = vitest.config
  const internals = vitest as unknown as { filenamePattern?: string[] }
  const all: TestSpecification[] = await vitest.globTestSpecifications()
  const partial = partialRunReason({
    reason,
    shard: config.shard,
    testNamePattern: vitest.getGlobalTestNamePattern?.() ?? config.testNamePattern,
    fileFilters: internals.filenamePattern,
    changed: config.changed,
    related: config.related,
    allFiles: all.map((spec) => spec.moduleId),
    ranFiles: testModules.map((mod) => mod.moduleId),
  })
  if (partial) return { partial, obsolete: [], skippedDirs: [], removed: [] }
  const result = findObsoleteSnapshots(testModules.map(toFinished))
  const log = options.log ?? ((message: string) => vitest.logger.log(message))
  const removed: string[] = []
  const rel = (file: string) => path.relative(config.root, file)
  if (result.obsolete.length) {
    if (options.removeObsolete) {
      for (const file of result.obsolete) {
        fs.rmSync(file, { force: true })
        removed.push(file)
      }
      log(`Removed ${removed.length} obsolete image snapshot(s):\n${removed.map((f) => `  ${rel(f)}`).join('\n')}`)
    } else {
      log(
        `${result.obsolete.length} obsolete image snapshot(s): no test used them in this complete run.\n` +
          result.obsolete.map((f) => `  ${rel(f)}`).join('\n') +
          `\nDelete them, or have them removed: imgmeta({ obsoleteSnapshots: { removeObsolete: true } }) in the vitest config ` +
            `(or { removeObsolete: true } to ImageSnapshotReporter).`,
      )
    }
  }
  return { ...result, removed }
}

/**
 * A vitest reporter that lists image snapshots no test used in a complete run and, with
 * `removeObsolete: true`, deletes them. Add it beside the default reporter:
 * `reporters: ['default', new ImageSnapshotReporter()]`.
 */
export class ImageSnapshotReporter implements Reporter {
  private vitest: Vitest | undefined
  /** The last run's outcome (for tests and tools). */
  lastReport: ImageSnapshotRunReport | undefined

  constructor(private readonly options: ImageSnapshotReporterOptions = {}) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest
  }

  async onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    _unhandledErrors: ReadonlyArray<unknown>,
    reason: 'passed' | 'failed' | 'interrupted',
  ): Promise<void> {
    if (!this.vitest) return
    this.lastReport = await reportObsoleteImageSnapshots(this.vitest, testModules, reason, this.options)
  }
}
