// `imgmeta/vitest-setup`: list it in `test.setupFiles` to get the matchers on `expect`.
import { expect } from 'vitest'
import type { ImageSnapshotOptions } from './image-snapshot-options.js'
import { toMatchImageSnapshot } from './image-snapshot.js'

expect.extend({ toMatchImageSnapshot })

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> {
    /** Compares a PNG (bytes, Response, or `{ png }`) with `__image_snapshots__/<name>-snap.png`; await it. */
    toMatchImageSnapshot(options?: ImageSnapshotOptions): Promise<void>
  }
}
