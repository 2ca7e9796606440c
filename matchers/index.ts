// `imgmeta/matchers`: the vitest matchers and the pieces a config needs to wire them.
export {
  configureToMatchImageSnapshot,
  toMatchImageSnapshot,
  type ImageSnapshotMatcherContext,
  type ImageSnapshotMatcherResult,
  type ToMatchImageSnapshot,
} from './image-snapshot.js'
export { type ImageSnapshotOptions } from './image-snapshot-options.js'
export { type DiffConfig } from './diff.js'
export { type CustomSnapshotIdentifier, type SnapshotIdentifierContext } from './snapshot-name.js'
export { type ReceivedImage } from './received-image.js'
export {
  ImageSnapshotReporter,
  reportObsoleteImageSnapshots,
  type ImageSnapshotReporterOptions,
  type ImageSnapshotRunReport,
} from './obsolete-reporter.js'
export { findObsoleteSnapshots, partialRunReason, type ObsoleteSnapshots } from './obsolete-snapshots.js'
