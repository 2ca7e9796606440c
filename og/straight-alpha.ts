import { endianness } from 'node:os'

// resvg hands out premultiplied RGBA; PNG and every pixel comparison want straight RGBA. Rendered cards are
// mostly opaque, where there is nothing to divide: whole runs of pixels are checked 32 bits at a time and only
// runs with a translucent pixel are divided, through a table built with resvg's own rounding.

/** Pixels checked together before dividing a run; a run with one translucent pixel is walked byte by byte. */
export const OPAQUE_RUN_PIXELS = 256

// In a 32-bit word the alpha byte (the fourth in memory) is the top byte on little-endian machines.
const ALPHA_SHIFT = endianness() === 'LE' ? 24 : 0

let table: Uint8Array | undefined

/** STRAIGHT[a * 256 + c]: the straight value of premultiplied channel c at alpha a, as resvg's encoder rounds it. */
function straightTable(): Uint8Array {
  if (!table) {
    table = new Uint8Array(256 * 256)
    for (let a = 1; a < 255; a++) {
      const f = a / 255
      for (let c = 0; c < 256; c++) table[(a << 8) | c] = Math.min(255, Math.floor(c / f + 0.5))
    }
  }
  return table
}

/** A 32-bit view of the pixels, or undefined when their offset is not 4-aligned (then every run is walked). */
function wordsOf(pixels: Uint8Array): Int32Array | undefined {
  return pixels.byteOffset % 4 === 0 ? new Int32Array(pixels.buffer, pixels.byteOffset, pixels.length >> 2) : undefined
}

/** True when every pixel in [first, end) has alpha 255. Eight words per step keeps V8's loop tight. */
function allOpaque(words: Int32Array, first: number, end: number): boolean {
  let a = -1
  let b = -1
  let i = first
  for (const stop = first + ((end - first) & ~7); i < stop; i += 8) {
    a &= words[i]! & words[i + 1]! & words[i + 2]! & words[i + 3]!
    b &= words[i + 4]! & words[i + 5]! & words[i + 6]! & words[i + 7]!
  }
  for (; i < end; i++) a &= words[i]!
  return ((a & b) >>> ALPHA_SHIFT & 255) === 255
}

/** Divides `count` pixels in place from byte `from`; fully opaque and fully transparent pixels stay as they are. */
function divide(pixels: Uint8Array, from: number, count: number): void {
  const straight = straightTable()
  for (let i = from + 3, end = from + count * 4; i < end; i += 4) {
    const a = pixels[i]!
    if (a === 255 || a === 0) continue
    const row = a << 8
    pixels[i - 3] = straight[row | pixels[i - 3]!]!
    pixels[i - 2] = straight[row | pixels[i - 2]!]!
    pixels[i - 1] = straight[row | pixels[i - 1]!]!
  }
}

/**
 * Copies `rows` rows of `width` premultiplied pixels from `src` into `dst` as straight RGBA, row `y` going to byte
 * `dstOffset + y * dstStride` (a PNG encoder leaves room for each row's filter byte this way): a native copy per
 * row, then a division only where a run has translucent pixels. `src` is not changed.
 */
export function copyRowsStraight(src: Uint8Array, width: number, rows: number, dst: Uint8Array, dstOffset: number, dstStride: number): void {
  const words = wordsOf(src)
  const stride = width * 4
  for (let y = 0, first = 0, to = dstOffset; y < rows; y++, first += width, to += dstStride) {
    dst.set(src.subarray(first * 4, first * 4 + stride), to)
    for (let run = first, end = first + width; run < end; run += OPAQUE_RUN_PIXELS) {
      const stop = Math.min(end, run + OPAQUE_RUN_PIXELS)
      if (words && allOpaque(words, run, stop)) continue
      divide(dst, to + (run - first) * 4, stop - run)
    }
  }
}

/** Turns resvg's premultiplied RGBA into straight RGBA in place, rounding exactly as resvg's own PNG encoder does. */
export function straightAlpha<T extends Uint8Array>(pixels: T): T {
  const words = wordsOf(pixels)
  const total = pixels.length >> 2
  for (let run = 0; run < total; run += OPAQUE_RUN_PIXELS) {
    const stop = Math.min(total, run + OPAQUE_RUN_PIXELS)
    if (words && allOpaque(words, run, stop)) continue
    divide(pixels, run * 4, stop - run)
  }
  return pixels
}
