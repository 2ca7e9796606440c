import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Reporter, TestModule, Vitest } from 'vitest/node'
import { finishRecordings, formatRecordedSummary, pruneRecordings } from '../next-runtime/network/run-recordings.js'
import { NETWORK_DIR_NAME, VITEST_HAR_FILE, type NetworkMode, type NetworkSettings } from '../next-runtime/network/network-settings.js'
import { partialRunReason } from './obsolete-snapshots.js'

/** The plugin's `network` option in its long form. */
export interface NetworkPluginOptions {
  /** `replay` (default): from `__image_snapshots__/network/vitest.har`, and `-u` records; `record`: always; `live`: no recording. */
  mode?: NetworkMode
  /** Hosts never sent nor recorded. */
  deny?: string[]
  /** Hosts always sent and never recorded. */
  live?: string[]
  /** The site's URL, whose files of `public/` are served offline (besides NEXT_PUBLIC_SITE_URL and localhost:3000). */
  siteUrl?: string
}

/**
 * The network settings of a vitest run: `replay` becomes `record` under `-u`, as snapshots are rewritten then.
 * The workers log into a fresh temporary folder.
 */
export function vitestNetworkSettings(root: string, options: NetworkPluginOptions, updating: boolean): NetworkSettings {
  const mode = options.mode ?? 'replay'
  return {
    mode: mode === 'replay' && updating ? 'record' : mode,
    root,
    dir: path.join(root, NETWORK_DIR_NAME),
    harFile: VITEST_HAR_FILE,
    logDir: mkdtempSync(path.join(os.tmpdir(), 'imgmeta-network-')),
    deny: options.deny ?? [],
    live: options.live ?? [],
    siteOrigins: options.siteUrl ? [options.siteUrl] : [],
  }
}

/**
 * Ends each run of the network layer: writes the recordings file (when recording), says what was recorded, and
 * after a complete run lists the recordings no test used (deleting them with `removeObsolete` when every test
 * passed), as the obsolete-snapshot reporter does for images.
 */
export class NetworkReporter implements Reporter {
  private vitest: Vitest | undefined

  constructor(
    private readonly settings: NetworkSettings,
    private readonly options: { removeObsolete: boolean },
  ) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest
  }

  onTestRunStart(): void {
    // Watch mode runs again in the same process: each run counts its own usage.
    rmSync(this.settings.logDir, { recursive: true, force: true })
  }

  async onTestRunEnd(testModules: ReadonlyArray<TestModule>, _errors: ReadonlyArray<unknown>, reason: 'passed' | 'failed' | 'interrupted'): Promise<void> {
    const vitest = this.vitest
    if (!vitest) return
    const config = vitest.config
    const all = await vitest.globTestSpecifications()
    const partial = partialRunReason({
      reason,
      shard: config.shard,
      testNamePattern: vitest.getGlobalTestNamePattern?.() ?? config.testNamePattern,
      fileFilters: (vitest as unknown as { filenamePattern?: string[] }).filenamePattern,
      changed: config.changed,
      related: config.related,
      allFiles: all.map((spec) => spec.moduleId),
      ranFiles: testModules.map((mod) => mod.moduleId),
    })
    const outcome = finishRecordings(this.settings, { complete: partial === undefined })
    const file = path.relative(config.root, outcome.file)
    const log = (message: string) => vitest.logger.log(message)
    if (outcome.recorded.length > 0) log(`imgmeta network: recorded ${formatRecordedSummary(outcome.recorded)} into ${file}`)
    if (outcome.obsolete.length === 0) return
    if (this.options.removeObsolete && reason === 'passed') {
      const pruned = pruneRecordings(outcome)
      log(`imgmeta network: removed ${pruned.length} obsolete recording(s) and bodies:\n${pruned.map((p) => `  ${p}`).join('\n')}`)
    } else {
      log(
        `imgmeta network: ${outcome.obsolete.length} obsolete recording(s) in ${file}: no test used them in this complete run.\n` +
          outcome.obsolete.map((p) => `  ${p}`).join('\n'),
      )
    }
  }
}
