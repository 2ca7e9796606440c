import pixelmatch from 'pixelmatch'
import { ImgmetaError } from '../src/errors.js'
import { MAX_IMAGE_PIXELS, readPngHeader, type RgbaImage } from '../src/png.js'
import { blurRgba } from './blur.js'
import { sameImageChunks } from './png-chunks.js'
import { decodeRgba } from './png-decode.js'
import { allocateScanlines, encodeScanlines } from '../src/png-encode.js'

/** pixelmatch options, as jest-image-snapshot's `customDiffConfig` passes them through. */
export interface DiffConfig {
  threshold?: number
  includeAA?: boolean
  alpha?: number
  aaColor?: [number, number, number]
  diffColor?: [number, number, number]
  diffColorAlt?: [number, number, number]
  diffMask?: boolean
}

/** jest-image-snapshot's pixelmatch default: much stricter than pixelmatch's own 0.1. */
export const DEFAULT_DIFF_THRESHOLD = 0.01

/** How a comparison decides: jest-image-snapshot's failureThreshold / failureThresholdType / allowSizeMismatch. */
export interface CompareOptions {
  customDiffConfig?: DiffConfig
  failureThreshold?: number
  failureThresholdType?: 'pixel' | 'percent'
  allowSizeMismatch?: boolean
  blur?: number
  /** Labels for errors: the reference file path and a description of the received value. */
  referenceLabel: string
  receivedLabel: string
  maxPixels?: number
  /** The received image already decoded (the matcher decodes it to validate it before anything else). */
  decodedReceived?: RgbaImage
}

/**
 * The largest area (pixels) a size mismatch is diffed over. Beyond it the mismatch alone decides: padding an
 * 8192×8192 reference to compare it with a 64×48 card would decode and diff 1.7 GB for a verdict already known.
 */
export const MAX_MISMATCH_DIFF_PIXELS = 4096 * 4096

/** The outcome of comparing received PNG bytes with the reference PNG bytes. */
export interface CompareResult {
  pass: boolean
  /** True when the image bytes were equal (text chunks aside), so nothing was decoded. */
  identical: boolean
  diffPixelCount: number
  /** diffPixelCount / total pixels of the compared (aligned) area. */
  diffRatio: number
  sizeMismatch: boolean
  reference: { width: number; height: number }
  received: { width: number; height: number }
  /** Pixels kept for the composite; absent when identical. */
  images?: { reference: RgbaImage; diff: RgbaImage; received: RgbaImage }
}

/** A decoding failure, saying which of the two images could not be read (same code and message). */
export class ImageDecodeError extends ImgmetaError {
  readonly image: 'reference' | 'received'

  constructor(image: 'reference' | 'received', cause: ImgmetaError) {
    super(cause.code, cause.message, { cause })
    this.image = image
  }
}

function decode(bytes: Uint8Array, label: string, image: 'reference' | 'received', maxPixels?: number): RgbaImage {
  try {
    return decodeRgba(bytes, label, maxPixels)
  } catch (error) {
    throw error instanceof ImgmetaError ? new ImageDecodeError(image, error) : error
  }
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return (
    a.byteLength === b.byteLength &&
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))
  )
}

/** Transparent black, alpha 64: how jest-image-snapshot marks the area one image has and the other lacks. */
const PADDING_ALPHA = 64

function padTo(image: RgbaImage, width: number, height: number): RgbaImage {
  if (image.width === width && image.height === height) return image
  const data = Buffer.alloc(width * height * 4)
  for (let i = 3; i < data.length; i += 4) data[i] = PADDING_ALPHA
  const stride = image.width * 4
  for (let y = 0; y < image.height; y++) {
    image.data.copy(data, y * width * 4, y * stride, y * stride + stride)
  }
  return { width, height, data }
}

/**
 * Compares two PNGs the way jest-image-snapshot does (pixelmatch, threshold 0.01 by default), after checking
 * for equal image bytes first: identical files (or files that differ only in text chunks, such as a render
 * stamp) are the common case and need no decoding at all.
 */
export function compareImages(received: Uint8Array, reference: Uint8Array, options: CompareOptions): CompareResult {
  if (bytesEqual(received, reference) || sameImageChunks(received, reference)) {
    // Equal image bytes: read only the size from the header (bytes 16–23), which the caller may show.
    const view = new DataView(received.buffer, received.byteOffset, received.byteLength)
    const size = { width: view.getUint32(16), height: view.getUint32(20) }
    return {
      pass: true,
      identical: true,
      diffPixelCount: 0,
      diffRatio: 0,
      sizeMismatch: false,
      reference: size,
      received: size,
    }
  }
  const rawReceived = options.decodedReceived ?? decode(received, options.receivedLabel, 'received', options.maxPixels)
  const mismatch = oversizedMismatch(reference, rawReceived, options)
  if (mismatch) return mismatch
  const rawReference = decode(reference, options.referenceLabel, 'reference', options.maxPixels)
  const sizeMismatch = rawReference.width !== rawReceived.width || rawReference.height !== rawReceived.height
  const width = Math.max(rawReference.width, rawReceived.width)
  const height = Math.max(rawReference.height, rawReceived.height)
  const ref = padTo(rawReference, width, height)
  const rec = padTo(rawReceived, width, height)
  if (typeof options.blur === 'number' && options.blur > 0) {
    // In place: the decoded buffers belong to this comparison alone.
    blurRgba(ref.data, width, height, options.blur)
    blurRgba(rec.data, width, height, options.blur)
  }
  const diff: RgbaImage = { width, height, data: Buffer.alloc(width * height * 4) }
  const diffPixelCount = pixelmatch(rec.data, ref.data, diff.data, width, height, {
    threshold: DEFAULT_DIFF_THRESHOLD,
    ...options.customDiffConfig,
  })
  const diffRatio = diffPixelCount / (width * height)
  const threshold = options.failureThreshold ?? 0
  const withinThreshold =
    (options.failureThresholdType ?? 'pixel') === 'percent' ? diffRatio <= threshold : diffPixelCount <= threshold
  const pass = sizeMismatch && !options.allowSizeMismatch ? false : withinThreshold
  return {
    pass,
    identical: false,
    diffPixelCount,
    diffRatio,
    sizeMismatch,
    reference: { width: rawReference.width, height: rawReference.height },
    received: { width: rawReceived.width, height: rawReceived.height },
    images: { reference: ref, diff, received: rec },
  }
}

/**
 * A failed comparison decided by the sizes alone, without decoding the reference, when the padded area to diff
 * would exceed {@link MAX_MISMATCH_DIFF_PIXELS}; undefined otherwise (sizes equal, mismatch allowed, or small).
 */
function oversizedMismatch(reference: Uint8Array, received: RgbaImage, options: CompareOptions): CompareResult | undefined {
  if (options.allowSizeMismatch) return undefined
  let header
  try {
    header = readPngHeader(reference, options.referenceLabel)
  } catch (error) {
    throw error instanceof ImgmetaError ? new ImageDecodeError('reference', error) : error
  }
  if (header.width === received.width && header.height === received.height) return undefined
  // A header beyond the decode limit is refused as such by the decoder, with its own message.
  if (header.width * header.height > (options.maxPixels ?? MAX_IMAGE_PIXELS)) return undefined
  const area = Math.max(header.width, received.width) * Math.max(header.height, received.height)
  if (area <= MAX_MISMATCH_DIFF_PIXELS) return undefined
  const total = Math.max(header.width * header.height, received.width * received.height)
  return {
    pass: false,
    identical: false,
    diffPixelCount: total,
    diffRatio: 1,
    sizeMismatch: true,
    reference: { width: header.width, height: header.height },
    received: { width: received.width, height: received.height },
  }
}

/** Layout of the diff composite: jest-image-snapshot's `diffDirection` and `onlyDiff`. */
export interface CompositeOptions {
  diffDirection?: 'horizontal' | 'vertical'
  onlyDiff?: boolean
}

/**
 * Builds the `-diff.png` composite (reference | diff | received, side by side or stacked, or the diff alone)
 * and encodes it with a fast deflate: this is most of the cost of a failing comparison.
 */
export function diffComposite(images: NonNullable<CompareResult['images']>, options: CompositeOptions = {}): Buffer {
  const parts = options.onlyDiff ? [images.diff] : [images.reference, images.diff, images.received]
  const { width, height } = images.diff
  const vertical = options.diffDirection === 'vertical'
  const outWidth = vertical ? width : width * parts.length
  const outHeight = vertical ? height * parts.length : height
  // Copy each part straight into the PNG scanlines (one filter byte per row), then deflate once.
  const rows = allocateScanlines(outWidth, outHeight)
  const rowBytes = outWidth * 4 + 1
  const stride = width * 4
  parts.forEach((part, index) => {
    const x0 = vertical ? 0 : width * index
    const y0 = vertical ? height * index : 0
    for (let y = 0; y < height; y++) {
      part.data.copy(rows, (y0 + y) * rowBytes + 1 + x0 * 4, y * stride, y * stride + stride)
    }
  })
  return encodeScanlines(rows, outWidth, outHeight)
}
