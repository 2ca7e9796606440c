import { didYouMean } from '../src/closest-name.js'
import { ImgmetaError } from '../src/errors.js'
import type { DiffConfig } from './diff.js'
import type { CustomSnapshotIdentifier } from './snapshot-name.js'

/** `toMatchImageSnapshot` options: jest-image-snapshot 6.5's names and meanings. */
export interface ImageSnapshotOptions {
  /** pixelmatch options; `threshold` defaults to 0.01 (per-pixel colour distance, YIQ, 0–1). */
  customDiffConfig?: DiffConfig
  /** Differences allowed before failing: a pixel count, or a ratio 0–1 with `failureThresholdType: 'percent'`. */
  failureThreshold?: number
  failureThresholdType?: 'pixel' | 'percent'
  /** Folder of the reference images; default `__image_snapshots__` beside the test file. */
  customSnapshotsDir?: string
  /** The file name without `.png`, or a function of `{ testPath, currentTestName, counter, defaultIdentifier }`. */
  customSnapshotIdentifier?: CustomSnapshotIdentifier
  /** Folder of the `-diff.png` composites; default `<snapshots dir>/__diff_output__`. */
  customDiffDir?: string
  /** Also write the received image on failure (to `customReceivedDir`, default `__received_output__`). */
  storeReceivedOnFailure?: boolean
  customReceivedDir?: string
  /** Suffix of the stored received image; default `-received`. */
  customReceivedPostfix?: string
  /** Composite layout: reference | diff | received side by side (`horizontal`) or stacked (`vertical`). */
  diffDirection?: 'horizontal' | 'vertical'
  /** The composite holds the diff image alone. */
  onlyDiff?: boolean
  /** Compare images of different sizes (padding the smaller) instead of failing on the size alone. */
  allowSizeMismatch?: boolean
  /** Gaussian blur radius applied to both images before comparing (glur, as jest-image-snapshot). */
  blur?: number
  /** With `-u`, rewrite snapshots that pass too (only when their bytes differ). */
  updatePassedSnapshot?: boolean
  /** Append the composite as a data URL to the failure message. */
  dumpDiffToConsole?: boolean
  /** Accepted for compatibility; imgmeta always compares in process. */
  runInProcess?: boolean
  /** Accepted for compatibility; imgmeta spawns no process. */
  maxChildProcessBufferSizeInBytes?: number
  /** Accepted for compatibility; imgmeta's messages are not coloured. */
  noColors?: boolean
  /** Only `'pixelmatch'` is supported. */
  comparisonMethod?: 'pixelmatch'
  /**
   * imgmeta's own (default true): a snapshot written from an imgmeta/og `ImageResponse` records the key of the
   * render that made it, and a later render with the same key matches without being rasterized again (see
   * docs/matchers.md). `false` neither writes nor trusts the stamp: every image is rasterized and compared.
   */
  renderStamp?: boolean
}

/** Every option name `toMatchImageSnapshot` accepts. */
export const OPTION_NAMES: ReadonlySet<string> = new Set<keyof ImageSnapshotOptions>([
  'customDiffConfig',
  'failureThreshold',
  'failureThresholdType',
  'customSnapshotsDir',
  'customSnapshotIdentifier',
  'customDiffDir',
  'storeReceivedOnFailure',
  'customReceivedDir',
  'customReceivedPostfix',
  'diffDirection',
  'onlyDiff',
  'allowSizeMismatch',
  'blur',
  'updatePassedSnapshot',
  'dumpDiffToConsole',
  'runInProcess',
  'maxChildProcessBufferSizeInBytes',
  'noColors',
  'comparisonMethod',
  'renderStamp',
])

/** jest-image-snapshot options imgmeta deliberately does not support, with what to do instead. */
const UNSUPPORTED: Record<string, string> = {
  runtimeHooksPath: 'imgmeta writes the received bytes as they are; transform the image before the assertion',
  dumpInlineDiffToConsole: 'use dumpDiffToConsole, or open the -diff.png file named in the message',
}

const DIFF_CONFIG_NAMES = new Set(['threshold', 'includeAA', 'alpha', 'aaColor', 'diffColor', 'diffColorAlt', 'diffMask'])

function invalid(where: string, message: string): ImgmetaError {
  return new ImgmetaError('invalid-option', `toMatchImageSnapshot ${where}: ${message}`)
}

function checkNumber(where: string, name: string, value: unknown, min: number, max = Infinity): void {
  if (value === undefined) return
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const range = max === Infinity ? `a number ≥ ${min}` : `a number from ${min} to ${max}`
    throw invalid(where, `${name} must be ${range}, got ${JSON.stringify(value)}.`)
  }
}

function checkOneOf(where: string, name: string, value: unknown, allowed: readonly string[]): void {
  if (value === undefined || allowed.includes(value as string)) return
  throw invalid(where, `${name} must be ${allowed.map((a) => `"${a}"`).join(' or ')}, got ${JSON.stringify(value)}.`)
}

function checkType(where: string, name: string, value: unknown, type: 'string' | 'boolean'): void {
  if (value !== undefined && typeof value !== type) {
    throw invalid(where, `${name} must be a ${type}, got ${JSON.stringify(value)}.`)
  }
}

/**
 * Checks options before anything is read or written: an unknown or misspelled name is an error (listing the
 * valid ones), never silently ignored. `where` says whose options they are (`options`, `defaults`).
 */
export function validateOptions(options: unknown, where: string): ImageSnapshotOptions {
  if (options === undefined) return {}
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalid(where, `options must be an object, got ${JSON.stringify(options)}.`)
  }
  for (const name of Object.keys(options)) {
    if (name in UNSUPPORTED) throw invalid(where, `${name} is not supported: ${UNSUPPORTED[name]}.`)
    if (!OPTION_NAMES.has(name)) {
      throw invalid(where, `unknown option "${name}"${didYouMean(name, OPTION_NAMES)}. Valid options: ${[...OPTION_NAMES].join(', ')}.`)
    }
  }
  const o = options as Record<string, unknown>
  checkNumber(where, 'failureThreshold', o.failureThreshold, 0)
  checkOneOf(where, 'failureThresholdType', o.failureThresholdType, ['pixel', 'percent'])
  if (o.failureThresholdType === 'percent') checkNumber(where, 'failureThreshold', o.failureThreshold, 0, 1)
  checkOneOf(where, 'diffDirection', o.diffDirection, ['horizontal', 'vertical'])
  checkOneOf(where, 'comparisonMethod', o.comparisonMethod, ['pixelmatch'])
  checkNumber(where, 'blur', o.blur, 0)
  for (const name of ['customSnapshotsDir', 'customDiffDir', 'customReceivedDir', 'customReceivedPostfix']) {
    checkType(where, name, o[name], 'string')
  }
  for (const name of ['storeReceivedOnFailure', 'onlyDiff', 'allowSizeMismatch', 'updatePassedSnapshot', 'renderStamp']) {
    checkType(where, name, o[name], 'boolean')
  }
  const id = o.customSnapshotIdentifier
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'function') {
    throw invalid(where, `customSnapshotIdentifier must be a string or a function, got ${JSON.stringify(id)}.`)
  }
  const diffConfig = o.customDiffConfig
  if (diffConfig !== undefined) {
    if (typeof diffConfig !== 'object' || diffConfig === null) {
      throw invalid(where, `customDiffConfig must be an object of pixelmatch options.`)
    }
    for (const name of Object.keys(diffConfig)) {
      if (!DIFF_CONFIG_NAMES.has(name)) {
        throw invalid(
          where,
          `unknown customDiffConfig option "${name}"${didYouMean(name, DIFF_CONFIG_NAMES)}. pixelmatch options: ${[...DIFF_CONFIG_NAMES].join(', ')}.`,
        )
      }
    }
    checkNumber(where, 'customDiffConfig.threshold', (diffConfig as DiffConfig).threshold, 0, 1)
    checkNumber(where, 'customDiffConfig.alpha', (diffConfig as DiffConfig).alpha, 0, 1)
  }
  return options as ImageSnapshotOptions
}

/**
 * Merges per-call options over configured defaults the way jest-image-snapshot does: every option overrides,
 * `customDiffConfig` merges key by key.
 */
export function mergeOptions(defaults: ImageSnapshotOptions, options: ImageSnapshotOptions): ImageSnapshotOptions {
  const merged: ImageSnapshotOptions = { ...defaults }
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined) (merged as Record<string, unknown>)[name] = value
  }
  merged.customDiffConfig = { ...defaults.customDiffConfig, ...options.customDiffConfig }
  return merged
}
