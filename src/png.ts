import { PNG } from 'pngjs'
import { ImgmetaError } from './errors.js'

/** The largest image imgmeta decodes: 8192×8192, 256 MiB of RGBA. Larger headers are refused before allocating. */
export const MAX_IMAGE_PIXELS = 8192 * 8192

/** The fields of a PNG's IHDR chunk that callers need without decoding pixels. */
export interface PngHeader {
  width: number
  height: number
  bitDepth: number
  colorType: number
}

/** Decoded RGBA pixels. */
export interface RgbaImage {
  width: number
  height: number
  data: Buffer
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** True when the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.buffer, bytes.byteOffset, 8).equals(SIGNATURE)
}

/**
 * Reads width, height and format from the IHDR chunk without decoding. `label` names the image in errors
 * (a file path, or `route /icon id small`).
 */
export function readPngHeader(bytes: Uint8Array, label = 'image'): PngHeader {
  if (!isPng(bytes)) {
    throw new ImgmetaError('invalid-image', `${label} is not a PNG (it does not start with the PNG signature).`)
  }
  if (bytes.length < 33) throw new ImgmetaError('invalid-image', `${label} is a truncated PNG (${bytes.length} bytes).`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const type = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!)
  if (type !== 'IHDR') throw new ImgmetaError('invalid-image', `${label} is a corrupt PNG: its first chunk is not IHDR.`)
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  if (width === 0 || height === 0) {
    throw new ImgmetaError('invalid-image', `${label} is a corrupt PNG: it claims ${width}×${height} pixels.`)
  }
  return { width, height, bitDepth: bytes[24]!, colorType: bytes[25]! }
}

/**
 * Decodes a PNG to RGBA, refusing images above `maxPixels` before any pixel buffer is allocated, and turning
 * pngjs's errors on corrupt or truncated files into an ImgmetaError that names `label`.
 */
export function decodePng(bytes: Uint8Array, label = 'image', maxPixels = MAX_IMAGE_PIXELS): RgbaImage {
  const header = readPngHeader(bytes, label)
  if (header.width * header.height > maxPixels) {
    throw new ImgmetaError(
      'image-too-large',
      `${label} claims ${header.width}×${header.height} pixels, more than the limit of ${maxPixels}; ` +
        `it was not decoded.`,
    )
  }
  try {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    return { width: png.width, height: png.height, data: png.data }
  } catch (cause) {
    throw new ImgmetaError(
      'invalid-image',
      `${label} is a corrupt or truncated PNG (${(cause as Error).message}).`,
      { cause },
    )
  }
}
