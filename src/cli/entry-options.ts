import type { NextMajor } from '../next-version.js'
import type { Params } from '../route.js'

/** What the CLI hands to its test module inside vitest (JSON only: it crosses into worker processes). */
export interface EntryOptions {
  root: string
  appDir: string
  nextVersion: NextMajor
  snapshotDir: string
  threshold: number
  failureThreshold: number
  failureThresholdType: 'pixel' | 'percent'
  /** Params keyed by absolute route file. */
  params: Record<string, Params[]>
  metadataBase: string | undefined
  /** Keep the received image of a failure (for `--report`). */
  storeReceived: boolean
}
