// The test module `imgmeta check` runs inside vitest: each generated test file imports it with its share of the
// route files, so that vitest's workers split the work. Options arrive through vitest's `provide`/`inject`.
import path from 'node:path'
import { inject } from 'vitest'
import { testImageRouteFiles } from '../../matchers/test-image-routes.js'
import { nameFetchFailures } from '../../next-runtime/fetch-failures.js'
import { installNetwork } from '../../next-runtime/network/intercept.js'
import type { EntryOptions } from '../entry-options.js'
import { snapshotIdentifierForTest } from '../snapshot-files.js'

declare module 'vitest' {
  export interface ProvidedContext {
    imgmeta: EntryOptions
  }
}

/** Declares the tests of the given route files (as the CLI listed them) with the options the CLI provided. */
export function registerRouteTests(routeFiles: readonly string[]): void {
  nameFetchFailures()
  const options = inject('imgmeta')
  // Before any route module loads: some fetch at the top level.
  installNetwork(options.network)
  testImageRouteFiles(options.appDir, routeFiles, {
    params: (route) => options.params[path.resolve(route.file)],
    nextVersion: options.nextVersion,
    timeoutMs: options.timeoutMs,
    deadlineLog: options.deadlineLog,
    ...(options.loadAhead !== undefined && { loadAhead: options.loadAhead }),
    snapshotsDir: options.snapshotDir,
    snapshot: {
      customSnapshotIdentifier: ({ currentTestName }) => snapshotIdentifierForTest(currentTestName),
      customDiffConfig: { threshold: options.threshold },
      failureThreshold: options.failureThreshold,
      failureThresholdType: options.failureThresholdType,
      renderStamp: options.renderStamp,
      storeReceivedOnFailure: options.storeReceived,
    },
  })
}
