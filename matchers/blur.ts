// Gaussian blur for the `blur` option: a TypeScript port of glur 1.1.2 (MIT, (c) 2014 Andrei Tupitcyn), the
// library jest-image-snapshot blurs with, kept arithmetically identical (Float32 coefficients, the same
// integer packing) so a `blur` setting yields the same differing-pixel counts after switching.

function gaussCoef(sigma: number): Float32Array {
  if (sigma < 0.5) sigma = 0.5
  const a = Math.exp(0.726 * 0.726) / sigma
  const g1 = Math.exp(-a)
  const g2 = Math.exp(-2 * a)
  const k = ((1 - g1) * (1 - g1)) / (1 + 2 * a * g1 - g2)
  const a0 = k
  const a1 = k * (a - 1) * g1
  const a2 = k * (a + 1) * g1
  const a3 = -k * g2
  const b1 = 2 * g1
  const b2 = -g2
  const leftCorner = (a0 + a1) / (1 - b1 - b2)
  const rightCorner = (a2 + a3) / (1 - b1 - b2)
  return new Float32Array([a0, a1, a2, a3, b1, b2, leftCorner, rightCorner])
}

function convolveRGBA(
  src: Uint32Array,
  out: Uint32Array,
  line: Float32Array,
  coeff: Float32Array,
  width: number,
  height: number,
): void {
  // takes src image and writes the blurred and transposed result into out

  let rgba: number
  let prev_src_r: number, prev_src_g: number, prev_src_b: number, prev_src_a: number
  let curr_src_r: number, curr_src_g: number, curr_src_b: number, curr_src_a: number
  let curr_out_r: number, curr_out_g: number, curr_out_b: number, curr_out_a: number
  let prev_out_r: number, prev_out_g: number, prev_out_b: number, prev_out_a: number
  let prev_prev_out_r: number, prev_prev_out_g: number, prev_prev_out_b: number, prev_prev_out_a: number

  let src_index: number, out_index: number, line_index: number
  let i: number, j: number
  let coeff_a0: number, coeff_a1: number, coeff_b1: number, coeff_b2: number

  for (i = 0; i < height; i++) {
    src_index = i * width
    out_index = i
    line_index = 0

    // left to right
    rgba = src[src_index]!

    prev_src_r = rgba & 0xff
    prev_src_g = (rgba >> 8) & 0xff
    prev_src_b = (rgba >> 16) & 0xff
    prev_src_a = (rgba >> 24) & 0xff

    prev_prev_out_r = prev_src_r * coeff[6]!
    prev_prev_out_g = prev_src_g * coeff[6]!
    prev_prev_out_b = prev_src_b * coeff[6]!
    prev_prev_out_a = prev_src_a * coeff[6]!

    prev_out_r = prev_prev_out_r
    prev_out_g = prev_prev_out_g
    prev_out_b = prev_prev_out_b
    prev_out_a = prev_prev_out_a

    coeff_a0 = coeff[0]!
    coeff_a1 = coeff[1]!
    coeff_b1 = coeff[4]!
    coeff_b2 = coeff[5]!

    for (j = 0; j < width; j++) {
      rgba = src[src_index]!
      curr_src_r = rgba & 0xff
      curr_src_g = (rgba >> 8) & 0xff
      curr_src_b = (rgba >> 16) & 0xff
      curr_src_a = (rgba >> 24) & 0xff

      curr_out_r = curr_src_r * coeff_a0 + prev_src_r * coeff_a1 + prev_out_r * coeff_b1 + prev_prev_out_r * coeff_b2
      curr_out_g = curr_src_g * coeff_a0 + prev_src_g * coeff_a1 + prev_out_g * coeff_b1 + prev_prev_out_g * coeff_b2
      curr_out_b = curr_src_b * coeff_a0 + prev_src_b * coeff_a1 + prev_out_b * coeff_b1 + prev_prev_out_b * coeff_b2
      curr_out_a = curr_src_a * coeff_a0 + prev_src_a * coeff_a1 + prev_out_a * coeff_b1 + prev_prev_out_a * coeff_b2

      prev_prev_out_r = prev_out_r
      prev_prev_out_g = prev_out_g
      prev_prev_out_b = prev_out_b
      prev_prev_out_a = prev_out_a

      prev_out_r = curr_out_r
      prev_out_g = curr_out_g
      prev_out_b = curr_out_b
      prev_out_a = curr_out_a

      prev_src_r = curr_src_r
      prev_src_g = curr_src_g
      prev_src_b = curr_src_b
      prev_src_a = curr_src_a

      line[line_index] = prev_out_r
      line[line_index + 1] = prev_out_g
      line[line_index + 2] = prev_out_b
      line[line_index + 3] = prev_out_a
      line_index += 4
      src_index++
    }

    src_index--
    line_index -= 4
    out_index += height * (width - 1)

    // right to left
    rgba = src[src_index]!

    prev_src_r = rgba & 0xff
    prev_src_g = (rgba >> 8) & 0xff
    prev_src_b = (rgba >> 16) & 0xff
    prev_src_a = (rgba >> 24) & 0xff

    prev_prev_out_r = prev_src_r * coeff[7]!
    prev_prev_out_g = prev_src_g * coeff[7]!
    prev_prev_out_b = prev_src_b * coeff[7]!
    prev_prev_out_a = prev_src_a * coeff[7]!

    prev_out_r = prev_prev_out_r
    prev_out_g = prev_prev_out_g
    prev_out_b = prev_prev_out_b
    prev_out_a = prev_prev_out_a

    curr_src_r = prev_src_r
    curr_src_g = prev_src_g
    curr_src_b = prev_src_b
    curr_src_a = prev_src_a

    coeff_a0 = coeff[2]!
    coeff_a1 = coeff[3]!

    for (j = width - 1; j >= 0; j--) {
      curr_out_r = curr_src_r * coeff_a0 + prev_src_r * coeff_a1 + prev_out_r * coeff_b1 + prev_prev_out_r * coeff_b2
      curr_out_g = curr_src_g * coeff_a0 + prev_src_g * coeff_a1 + prev_out_g * coeff_b1 + prev_prev_out_g * coeff_b2
      curr_out_b = curr_src_b * coeff_a0 + prev_src_b * coeff_a1 + prev_out_b * coeff_b1 + prev_prev_out_b * coeff_b2
      curr_out_a = curr_src_a * coeff_a0 + prev_src_a * coeff_a1 + prev_out_a * coeff_b1 + prev_prev_out_a * coeff_b2

      prev_prev_out_r = prev_out_r
      prev_prev_out_g = prev_out_g
      prev_prev_out_b = prev_out_b
      prev_prev_out_a = prev_out_a

      prev_out_r = curr_out_r
      prev_out_g = curr_out_g
      prev_out_b = curr_out_b
      prev_out_a = curr_out_a

      prev_src_r = curr_src_r
      prev_src_g = curr_src_g
      prev_src_b = curr_src_b
      prev_src_a = curr_src_a

      rgba = src[src_index]!
      curr_src_r = rgba & 0xff
      curr_src_g = (rgba >> 8) & 0xff
      curr_src_b = (rgba >> 16) & 0xff
      curr_src_a = (rgba >> 24) & 0xff

      rgba =
        ((line[line_index]! + prev_out_r) << 0) +
        ((line[line_index + 1]! + prev_out_g) << 8) +
        ((line[line_index + 2]! + prev_out_b) << 16) +
        ((line[line_index + 3]! + prev_out_a) << 24)

      out[out_index] = rgba

      src_index--
      line_index -= 4
      out_index -= height
    }
  }
}

/** Blurs RGBA pixels in place with a Gaussian of the given radius (glur's `blurRGBA`); radius 0 does nothing. */
export function blurRgba(data: Uint8Array, width: number, height: number, radius: number): void {
  if (!radius) return
  if (data.byteOffset % 4 !== 0) {
    // Uint32Array views need 4-byte alignment: blur an aligned copy and copy it back.
    const copy = new Uint8Array(width * height * 4)
    copy.set(data.subarray(0, copy.length))
    blurRgba(copy, width, height, radius)
    data.set(copy)
    return
  }
  const src32 = new Uint32Array(data.buffer, data.byteOffset, width * height)
  const out = new Uint32Array(src32.length)
  const line = new Float32Array(Math.max(width, height) * 4)
  const coeff = gaussCoef(radius)
  convolveRGBA(src32, out, line, coeff, width, height)
  convolveRGBA(out, src32, line, coeff, height, width)
}
