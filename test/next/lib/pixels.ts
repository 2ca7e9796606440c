// Pixel comparison of two PNGs the way the project's snapshot matcher compares them: pixelmatch 7 (YIQ) at a
// threshold of 0.1.
import pixelmatch from 'pixelmatch'
import { decodePng } from '../../../src/png.js'

/** pixelmatch's per-pixel colour threshold used for every comparison. */
export const PIXEL_THRESHOLD = 0.1

/** How two images differ: `pixels` that differ out of `total`, or a size mismatch (then pixels is the total). */
export interface PixelDiff {
  pixels: number
  total: number
  sameSize: boolean
}

/** Counts differing pixels between two PNGs; images of different sizes differ in every pixel. */
export function diffPng(a: Uint8Array, b: Uint8Array, label: string): PixelDiff {
  const left = decodePng(a, `${label} (Next)`)
  const right = decodePng(b, `${label} (imgmeta)`)
  if (left.width !== right.width || left.height !== right.height) {
    return { pixels: Math.max(left.width * left.height, right.width * right.height), total: left.width * left.height, sameSize: false }
  }
  if (left.data.equals(right.data)) return { pixels: 0, total: left.width * left.height, sameSize: true }
  const pixels = pixelmatch(left.data, right.data, undefined, left.width, left.height, { threshold: PIXEL_THRESHOLD })
  return { pixels, total: left.width * left.height, sameSize: true }
}
