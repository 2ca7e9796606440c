import path from 'node:path'
// jest-image-snapshot names files with lodash's kebabCase (which splits letters from digits: css4 -> css-4).
import kebabCase from 'lodash/kebabCase.js'

/** What jest-image-snapshot passes to a `customSnapshotIdentifier` function. */
export interface SnapshotIdentifierContext {
  testPath: string
  currentTestName: string
  counter: number
  defaultIdentifier: string
}

/** jest-image-snapshot's `customSnapshotIdentifier`: a fixed name, or a function of the test. */
export type CustomSnapshotIdentifier = string | ((context: SnapshotIdentifierContext) => string)

/** The folder jest-image-snapshot keeps reference images in, beside the test file. */
export const SNAPSHOTS_DIR_NAME = '__image_snapshots__'

/**
 * The sub-folder of a project's root `__image_snapshots__/` that the `imgmeta` command keeps its route
 * snapshots in. Test files never write there, so the obsolete-snapshot bookkeeping of tests leaves it alone.
 */
export const ROUTE_SNAPSHOTS_DIR_NAME = 'routes'

/**
 * jest-image-snapshot 6.5's default identifier (without `-snap`):
 * `kebabCase(basename(testPath) + '-' + currentTestName + '-' + counter)`.
 */
export function defaultSnapshotIdentifier(testPath: string, currentTestName: string, counter: number): string {
  return kebabCase(`${path.basename(testPath)}-${currentTestName}-${counter}`)
}

/**
 * The identifier (file name without `.png`) exactly as jest-image-snapshot 6.5 computes it: the default plus
 * `-snap`, a custom string as is, or a custom function's result (falling back to the default without `-snap`).
 */
export function snapshotIdentifier(
  testPath: string,
  currentTestName: string,
  counter: number,
  custom?: CustomSnapshotIdentifier,
): string {
  const defaultIdentifier = defaultSnapshotIdentifier(testPath, currentTestName, counter)
  if (typeof custom === 'function') {
    return custom({ testPath, currentTestName, counter, defaultIdentifier }) || defaultIdentifier
  }
  return custom || `${defaultIdentifier}-snap`
}
