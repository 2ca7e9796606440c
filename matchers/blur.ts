import glur from 'glur'

// The `blur` option blurs with glur 1.1.2, the library jest-image-snapshot blurs with, so a `blur` setting gives
// the same differing-pixel counts after switching.

/** Blurs RGBA pixels in place with a Gaussian of the given radius (glur's `blurRGBA`); radius 0 does nothing. */
export function blurRgba(data: Uint8Array, width: number, height: number, radius: number): void {
  if (!radius) return
  const length = width * height * 4
  if (data.byteOffset === 0 && data.byteLength === length && data.buffer.byteLength === length) {
    glur(data, width, height, radius)
    return
  }
  // glur views the whole of `data.buffer` as 32-bit pixels: a slice of a larger or unaligned buffer (Node's
  // pooled Buffers) is blurred as a copy of its own and copied back.
  const copy = new Uint8Array(length)
  copy.set(data.subarray(0, length))
  glur(copy, width, height, radius)
  data.set(copy)
}
