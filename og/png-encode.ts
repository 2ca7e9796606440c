import { allocateScanlines, encodeScanlines, scanlineLength } from '../src/png-encode.js'
import { copyRowsStraight } from './straight-alpha.js'

export { PNG_DEFLATE_LEVEL } from '../src/png-encode.js'

/** How the pixels handed to {@link encodePng} store colour. */
export interface EncodePngOptions {
  /** The RGBA is premultiplied by alpha, as resvg renders it; it is turned straight while the rows are copied. */
  premultiplied?: boolean
}

/**
 * Encodes 8-bit RGBA pixels as a PNG (filter type 0 on every row, one IDAT). The pixels are straight unless
 * `premultiplied` says otherwise; the input is never changed. The same pixels always give the same bytes,
 * premultiplied or not.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number, options: EncodePngOptions = {}): Buffer {
  const stride = width * 4
  if (rgba.length !== stride * height) {
    throw new RangeError(`encodePng: expected ${stride * height} bytes of RGBA for ${width}×${height}, got ${rgba.length}`)
  }
  // The scanlines, each behind its filter byte, are built once and handed to zlib as they are.
  const rows = allocateScanlines(width, height)
  const rowLength = scanlineLength(width)
  if (options.premultiplied) {
    copyRowsStraight(rgba, width, height, rows, 1, rowLength)
  } else {
    for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * stride, (y + 1) * stride), y * rowLength + 1)
  }
  return encodeScanlines(rows, width, height)
}
