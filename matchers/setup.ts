// `imgmeta/vitest-setup`: list it in `test.setupFiles` to get the matchers on `expect`.
import { expect } from 'vitest'
import type { ImageSnapshotOptions } from './image-snapshot-options.js'
import { toMatchImageSnapshot } from './image-snapshot.js'
import { toHaveValidImageMetadata, type ImageMetadataMatcherOptions } from './image-metadata.js'

expect.extend({ toMatchImageSnapshot, toHaveValidImageMetadata })

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> {
    /** Compares a PNG (bytes, Response, or `{ png }`) with `__image_snapshots__/<name>-snap.png`; await it. */
    toMatchImageSnapshot(options?: ImageSnapshotOptions): Promise<void>
    /** Checks an image route module (or generateImageMetadata's array) against Next's contract and its renders; await it. */
    toHaveValidImageMetadata(options?: ImageMetadataMatcherOptions): Promise<void>
  }
}
