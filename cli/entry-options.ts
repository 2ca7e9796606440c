import type { NetworkSettings } from '../next-runtime/network/network-settings.js'
import type { Params } from '../src/route.js'
import type { RunOptions } from './run-options.js'

/** The run settings the CLI's test module needs inside vitest (JSON only: they cross into worker processes). */
type EntryRunSettings = Pick<
  RunOptions,
  'root' | 'appDir' | 'nextVersion' | 'snapshotDir' | 'threshold' | 'failureThreshold' | 'failureThresholdType' | 'metadataBase' | 'renderStamp'
>

/** What the CLI hands to its test module inside vitest. */
export interface EntryOptions extends EntryRunSettings {
  /** Params keyed by absolute route file. */
  params: Record<string, Params[]>
  /** Keep the received image of a failure (for `--report`). */
  storeReceived: boolean
  /** How the routes' requests are answered: replayed (check), recorded (update), own origin from public/. */
  network: NetworkSettings
  /** The per-image deadline: each user step (generateImageMetadata, the image function, its body). */
  timeoutMs: number
  /** Where a test process logs the image it was killed for (next-runtime/hard-deadline.ts). */
  deadlineLog: string
  /** Route modules loading at once (1 after a kill that several loading modules could have caused). */
  loadAhead?: number
}
