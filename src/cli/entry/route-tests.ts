// The test module `imgmeta check` runs inside vitest: one generated file per route imports it, so that vitest's
// sharding and worker parallelism split the work by route. Options arrive through vitest's `provide`/`inject`.
import path from 'node:path'
import { inject } from 'vitest'
import { testImageRoutes } from '../../../matchers/test-image-routes.js'
import type { EntryOptions } from '../entry-options.js'
import { snapshotIdentifierForTest } from '../snapshot-files.js'

declare module 'vitest' {
  export interface ProvidedContext {
    imgmeta: EntryOptions
  }
}

/** Declares the tests of one route file (absolute path) with the options the CLI provided. */
export function registerRouteTests(routeFile: string): void {
  const options = inject('imgmeta')
  testImageRoutes(options.appDir, {
    filter: (route) => path.resolve(route.file) === routeFile,
    params: (route) => options.params[path.resolve(route.file)],
    nextVersion: options.nextVersion,
    snapshotsDir: options.snapshotDir,
    snapshot: {
      customSnapshotIdentifier: ({ currentTestName }) => snapshotIdentifierForTest(currentTestName),
      customDiffConfig: { threshold: options.threshold },
      failureThreshold: options.failureThreshold,
      failureThresholdType: options.failureThresholdType,
      storeReceivedOnFailure: options.storeReceived,
    },
  })
}
