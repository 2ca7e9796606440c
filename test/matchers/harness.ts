// Runs the matcher outside vitest's expect, against a real vitest SnapshotState, in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SnapshotState } from '@vitest/snapshot'
import { configureToMatchImageSnapshot } from '../../matchers/image-snapshot.js'
import type { ImageSnapshotOptions } from '../../matchers/image-snapshot-options.js'
import type { UpdateMode } from '../../matchers/snapshot-store.js'

/** One temporary "test file" with its own snapshot state. */
export interface Harness {
  dir: string
  testPath: string
  state: SnapshotState
  task: { id: string; meta: Record<string, unknown>; result: { retryCount: number; repeatCount: number } }
  snapshotsDir: string
  run(received: unknown, options?: ImageSnapshotOptions, testName?: string, isNot?: boolean): ReturnType<ReturnType<typeof configureToMatchImageSnapshot>>
  /** Runs the matcher as a fresh attempt of the same test (vitest's clearTest first), so it reuses counter 1. */
  again(received: unknown, options?: ImageSnapshotOptions): ReturnType<ReturnType<typeof configureToMatchImageSnapshot>>
  setMode(mode: UpdateMode): void
  cleanup(): void
}

/** Creates a harness whose test file is `<tmp>/cards.test.ts`. */
export function createHarness(mode: UpdateMode = 'new', defaults: ImageSnapshotOptions = {}): Harness {
  // First, so that invalid defaults throw before a folder exists to clean up.
  const matcher = configureToMatchImageSnapshot(defaults)
  const dir = mkdtempSync(path.join(tmpdir(), 'imgmeta-matcher-'))
  const testPath = path.join(dir, 'cards.test.ts')
  // The constructor is private in the types; SnapshotState.create would need a snapshot environment.
  const State = SnapshotState as unknown as new (...args: unknown[]) => SnapshotState
  const makeState = (m: UpdateMode) =>
    new State(testPath, path.join(dir, '__snapshots__', 'cards.test.ts.snap'), null, {
      updateSnapshot: m,
      // The image matcher never touches vitest's snapshot environment.
      snapshotEnvironment: undefined as never,
      snapshotFormat: {},
    })
  const harness: Harness = {
    dir,
    testPath,
    state: makeState(mode),
    task: { id: 'task-1', meta: {}, result: { retryCount: 0, repeatCount: 0 } },
    snapshotsDir: path.join(dir, '__image_snapshots__'),
    run(received, options, testName = 'renders the card', isNot = false) {
      return matcher.call(
        { isNot, testPath, currentTestName: testName, snapshotState: harness.state, task: harness.task },
        received,
        options,
      )
    },
    again(received, options) {
      harness.state.clearTest(harness.task.id)
      return harness.run(received, options)
    },
    setMode(m) {
      harness.state = makeState(m)
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return harness
}
