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
export {
  toHaveValidImageMetadata,
  type ImageMetadataMatcherContext,
  type ImageMetadataMatcherOptions,
  type ImageMetadataMatcherResult,
} from './image-metadata.js'
export {
  testImageRoutes,
  DEFAULT_SUITE_NAME,
  type ImageTestMeta,
  type RouteParamsOption,
  type TestImageRoutesOptions,
} from './test-image-routes.js'
export {
  checkImageRoute,
  checkImageMetadataItems,
  isImageRouteModule,
  type CheckedImage,
  type ImageRouteCheck,
  type ImageRouteCheckOptions,
} from './image-route-check.js'
export { formatFinding, formatFindings, type Finding } from './findings.js'
// Types only: brings the `Matchers` augmentation of the setup file to every importer of imgmeta/matchers.
export type {} from './setup.js'
