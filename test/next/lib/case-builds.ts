// What a set of case builds (catch-all, build-time params) needs: each case is added to a base app, built and
// started with one Next release, and its outcome set beside imgmeta's prediction in the ledger.
import type { NextMajor } from '../../../src/index.js'
import type { Ledger } from './disagreements.js'

/** The options every set of case builds takes. */
export interface CaseBuildOptions {
  /** The app each case is added to. */
  baseDir: string
  /** One folder per case, holding the files it adds. */
  casesDir: string
  nodeModules: string
  nextVersion: NextMajor
  buildArgs: string[]
  env: Record<string, string>
  load: (file: string) => Promise<Record<string, unknown>>
  ledger: Ledger
  log: (line: string) => void
}
