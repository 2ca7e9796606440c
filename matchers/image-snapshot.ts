import path from 'node:path'
import { ImgmetaError } from '../src/errors.js'
import { laidOutOf, type LaidOutImage } from '../og/laid-out.js'
import { encodePng } from '../og/png-encode.js'
import { compareImages, diffComposite, ImageDecodeError, type CompareResult } from './diff.js'
import { mergeOptions, validateOptions, type ImageSnapshotOptions } from './image-snapshot-options.js'
import type { RgbaImage } from '../src/png.js'
import { decodeRgba, pngHasPixels } from './png-decode.js'
import { receivedToPng } from './received-image.js'
import { isStampedBy, stampPng } from './render-stamp.js'
import { snapshotIdentifier } from './snapshot-name.js'
import {
  createFileExclusive,
  markTouched,
  nextSnapshotCounter,
  readIfExists,
  recordOutcome,
  removeStale,
  resolveSnapshotPaths,
  updateMode,
  writeFileAtomic,
  type SnapshotPaths,
  type SnapshotStateLike,
  type TaskLike,
} from './snapshot-store.js'

/**
 * The matcher context vitest gives `expect.extend` matchers (the fields this matcher reads). `snapshotState`
 * and `task` are typed loosely so vitest's own `MatcherState` fits; snapshot-store.ts narrows them.
 */
export interface ImageSnapshotMatcherContext {
  isNot: boolean
  testPath?: string
  currentTestName?: string
  snapshotState?: unknown
  task?: unknown
}

/** What the matcher returns to vitest. */
export interface ImageSnapshotMatcherResult {
  pass: boolean
  message: () => string
}

/**
 * The running test, for vitest 3.2, which gives matchers no `task` (vitest 4 does); its own expect binds the test
 * the same way. Without it the snapshots a test used go unrecorded, and every one would count as obsolete. Imported
 * only then: vitest 4.1 warns that `vitest/suite` is deprecated when it is imported.
 */
async function runningTest(): Promise<unknown> {
  const { getCurrentTest } = await import('vitest/suite')
  return getCurrentTest()
}

/** The matcher function registered with `expect.extend`. */
export type ToMatchImageSnapshot = (
  this: ImageSnapshotMatcherContext,
  received: unknown,
  options?: ImageSnapshotOptions,
) => Promise<ImageSnapshotMatcherResult>

function formatPercent(ratio: number): string {
  if (ratio === 0) return '0'
  const percent = ratio * 100
  return percent >= 0.01 ? String(Number(percent.toFixed(2))) : percent.toPrecision(2)
}

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file)
  return rel.startsWith('..') ? file : rel
}

function failureMessage(result: CompareResult, paths: SnapshotPaths, received: string | undefined): string {
  const { reference: ref, received: rec } = result
  const lines = result.sizeMismatch && !result.images
    ? [
        `Expected image to be the same size as the snapshot (${ref.width}x${ref.height}), but was different ` +
          `(${rec.width}x${rec.height}); the sizes alone decide, so no pixel diff was made.`,
      ]
    : result.sizeMismatch
    ? [
        `Expected image to be the same size as the snapshot (${ref.width}x${ref.height}), but was different ` +
          `(${rec.width}x${rec.height}); ${result.diffPixelCount} pixels (${formatPercent(result.diffRatio)}%) ` +
          `differ in the compared ${Math.max(ref.width, rec.width)}x${Math.max(ref.height, rec.height)} area.`,
      ]
    : [
        `Expected image to match or be a close match to snapshot but was ${formatPercent(result.diffRatio)}% ` +
          `different from snapshot (${result.diffPixelCount} differing pixels of ${ref.width * ref.height}).`,
      ]
  lines.push(`Snapshot: ${relative(paths.reference)}`)
  if (result.images) lines.push(`See diff for details: ${relative(paths.diff)}`)
  if (received) lines.push(`Received: ${relative(received)}`)
  lines.push('Run vitest with -u to accept the new image.')
  return lines.join('\n')
}

function missingOnCiMessage(paths: SnapshotPaths): string {
  return (
    `New snapshot was not written. The update flag must be explicitly passed to write a new snapshot.\n\n` +
    `This is likely because this test is run in a continuous integration (CI) environment in which snapshots ` +
    `are not written by default.\n\nSnapshot: ${relative(paths.reference)}\n` +
    `Run the test locally (or with -u) and commit the new file.`
  )
}

/** Decodes received PNG bytes to prove they are an image; an invalid one fails the assertion, naming why. */
function decodeReceived(bytes: Uint8Array, label: string, state: SnapshotStateLike, task: TaskLike | undefined): RgbaImage {
  try {
    return decodeRgba(bytes, `The received image of ${label}`)
  } catch (error) {
    recordOutcome(state, task, 'unmatched')
    if (error instanceof ImgmetaError) {
      throw new ImgmetaError(error.code, `${error.message} No snapshot was written or compared.`, { cause: error })
    }
    throw error
  }
}

const pass = (message = ''): ImageSnapshotMatcherResult => ({ pass: true, message: () => message })

/** True when the reference holds exactly these pixels; a reference that cannot be read is left to compareImages. */
function holdsPixels(reference: Uint8Array, image: LaidOutImage, pixels: Buffer, paths: SnapshotPaths): boolean {
  try {
    return pngHasPixels(reference, { width: image.width, height: image.height, data: pixels }, paths.reference)
  } catch {
    return false
  }
}

/**
 * The layout of an imgmeta/og ImageResponse; undefined for other values, for a non-2xx response and for a failed
 * layout (reading the value reports those as before).
 */
async function layoutOf(value: unknown): Promise<LaidOutImage | undefined> {
  if (value instanceof Response && !value.ok) return undefined
  try {
    return await laidOutOf(value)
  } catch {
    return undefined
  }
}

/**
 * Returns a `toMatchImageSnapshot` matcher with the given defaults, like jest-image-snapshot's
 * `configureToMatchImageSnapshot`; per-call options override them.
 */
export function configureToMatchImageSnapshot(defaults: ImageSnapshotOptions = {}): ToMatchImageSnapshot {
  const checkedDefaults = validateOptions(defaults, 'defaults')
  return async function toMatchImageSnapshot(received, callOptions) {
    const options = mergeOptions(checkedDefaults, validateOptions(callOptions, 'options'))
    const state = this.snapshotState as SnapshotStateLike | undefined
    const task = (this.task ?? (await runningTest())) as TaskLike | undefined
    const testPath = this.testPath
    const testName = this.currentTestName ?? ''
    if (this.isNot) {
      throw new ImgmetaError(
        'invalid-option',
        '`.not.toMatchImageSnapshot()` is not supported: a snapshot records one expected image. To check that ' +
          'two images differ, compare them directly (e.g. `expect(Buffer.compare(a, b)).not.toBe(0)`).',
      )
    }
    if (!state || !testPath) {
      throw new ImgmetaError(
        'snapshot-failed',
        'toMatchImageSnapshot must run inside a vitest test (it needs the snapshot state and the test file path).',
      )
    }
    const counter = nextSnapshotCounter(state, testName, task)
    const identifier = snapshotIdentifier(testPath, testName, counter, options.customSnapshotIdentifier)
    const paths = resolveSnapshotPaths({ testPath, identifier, ...options })
    markTouched(task, paths)
    const label = `toMatchImageSnapshot in "${testName}" (${relative(testPath)})`
    const value: unknown = await received
    const mode = updateMode(state)
    const reference = readIfExists(paths.reference)
    const image = await layoutOf(value)
    // What next/og ignores is drawn as ignored: a warning beside this test (vitest prints it under the test's
    // name), never a failure; strictCss makes such CSS an error instead.
    if (image && image.warnings.length > 0) console.warn(`${label}:\n${image.warnings.map((warning) => `  warning: ${warning}`).join('\n')}`)
    const stamps = image !== undefined && options.renderStamp !== false
    const matched = (restamped?: Uint8Array): ImageSnapshotMatcherResult => {
      removeStale(paths.diff)
      removeStale(paths.received)
      if (restamped) writeFileAtomic(paths.reference, restamped)
      recordOutcome(state, task, restamped ? 'updated' : 'matched')
      return pass()
    }
    if (reference && stamps && isStampedBy(reference, image.key)) {
      // The snapshot was written from a render with this very key: the image would be byte for byte the same.
      return matched()
    }
    let bytes: Uint8Array
    let decodedReceived: RgbaImage | undefined
    if (image) {
      // An imgmeta/og image is rasterized here and its pixels compared before any PNG is encoded: an unchanged
      // image is never encoded. The pixels are let go at once (kept, 3 MB a card wakes the garbage collector).
      const pixels = image.pixels()
      if (reference && holdsPixels(reference, image, pixels, paths)) {
        // With -u, a reference with the render's pixels but not its stamp (written before an upgrade changed
        // render keys, without stamps, or by another tool) gets the stamp: the same file with a new tEXt chunk.
        return matched(mode === 'all' && stamps ? stampPng(reference, image.key) : undefined)
      }
      const png = encodePng(pixels, image.width, image.height)
      // Snapshots of imgmeta/og images record which render made them, so an unchanged render matches by key.
      bytes = stamps ? stampPng(png, image.key) : png
    } else {
      bytes = await receivedToPng(value, label)
      // Decoded (bounded by MAX_IMAGE_PIXELS) before it can become a reference or meet one: a truncated or
      // corrupt PNG, or one whose header claims a huge size, fails here and nothing is written.
      decodedReceived = decodeReceived(bytes, label, state, task)
    }

    if (!reference) {
      if (mode === 'none') {
        recordOutcome(state, task, 'unmatched')
        return { pass: false, message: () => missingOnCiMessage(paths) }
      }
      if (createFileExclusive(paths.reference, bytes)) {
        recordOutcome(state, task, 'added')
        return pass()
      }
      // Another worker wrote it between our read and our write: compare against theirs.
      return compareWith(readIfExists(paths.reference) ?? bytes)
    }
    return compareWith(reference)

    function compareWith(referenceBytes: Uint8Array): ImageSnapshotMatcherResult {
      let result: CompareResult
      try {
        result = compareImages(bytes, referenceBytes, {
          ...options,
          ...(decodedReceived && { decodedReceived }),
          referenceLabel: `Snapshot ${relative(paths.reference)}`,
          receivedLabel: `The received image of ${label}`,
        })
      } catch (error) {
        const badReference = error instanceof ImageDecodeError && error.image === 'reference'
        // A corrupt reference is replaced only by an explicit update.
        if (badReference && mode === 'all') {
          writeFileAtomic(paths.reference, bytes)
          recordOutcome(state!, task, 'updated')
          return pass()
        }
        recordOutcome(state!, task, 'unmatched')
        if (badReference) {
          throw new ImgmetaError(error.code, `${error.message} Run vitest with -u to replace it.`, { cause: error })
        }
        throw error
      }
      if (result.pass) {
        removeStale(paths.diff)
        removeStale(paths.received)
        if (mode === 'all' && options.updatePassedSnapshot && !result.identical) {
          writeFileAtomic(paths.reference, bytes)
          recordOutcome(state!, task, 'updated')
        } else {
          recordOutcome(state!, task, 'matched')
        }
        return pass()
      }
      if (mode === 'all') {
        writeFileAtomic(paths.reference, bytes)
        removeStale(paths.diff)
        removeStale(paths.received)
        recordOutcome(state!, task, 'updated')
        return pass()
      }
      const composite = result.images ? diffComposite(result.images, options) : undefined
      if (composite) writeFileAtomic(paths.diff, composite)
      else removeStale(paths.diff)
      let receivedPath: string | undefined
      if (options.storeReceivedOnFailure) {
        writeFileAtomic(paths.received, bytes)
        receivedPath = paths.received
      } else {
        removeStale(paths.received)
      }
      recordOutcome(state!, task, 'unmatched')
      const message = failureMessage(result, paths, receivedPath)
      const dump = options.dumpDiffToConsole && composite
        ? `\nOr paste this into a browser's address bar:\n data:image/png;base64,${composite.toString('base64')}`
        : ''
      return { pass: false, message: () => message + dump }
    }
  }
}

/** `await expect(png).toMatchImageSnapshot(options?)` with jest-image-snapshot's defaults. */
export const toMatchImageSnapshot: ToMatchImageSnapshot = configureToMatchImageSnapshot()
