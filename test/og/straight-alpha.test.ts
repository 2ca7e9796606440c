import { Resvg } from '@resvg/resvg-js'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { copyRowsStraight, OPAQUE_RUN_PIXELS, straightAlpha } from '../../og/straight-alpha.js'

// Opaque on the left, a translucent ring across the edge of the opaque part, transparent on the right; run
// boundaries fall inside the ring, and the image is not a whole number of runs.
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="301" height="37">' +
  '<rect width="140" height="37" fill="#0b1f3a"/>' +
  '<circle cx="140" cy="18" r="16" fill="none" stroke="rgba(250,200,20,0.6)" stroke-width="5"/></svg>'

function rendered() {
  const image = new Resvg(SVG, { font: { loadSystemFonts: false } }).render()
  return { pixels: image.pixels, expected: PNG.sync.read(image.asPng()).data, width: image.width, height: image.height }
}

describe('straightAlpha', () => {
  it('gives resvg’s own straight pixels, whether or not the bytes are 4-aligned', () => {
    const { pixels, expected } = rendered()
    expect((pixels.length / 4) % OPAQUE_RUN_PIXELS).not.toBe(0)
    const alphas = new Set<number>()
    for (let i = 3; i < pixels.length; i += 4) alphas.add(pixels[i]!)
    expect([alphas.has(0), alphas.has(255), alphas.size > 10]).toEqual([true, true, true])
    expect(straightAlpha(Buffer.from(pixels)).equals(expected)).toBe(true)
    const backing = new Uint8Array(pixels.length + 3)
    backing.set(pixels, 3)
    expect(Buffer.from(straightAlpha(backing.subarray(3))).equals(expected)).toBe(true)
  })

  it('copyRowsStraight copies rows into another buffer as straight pixels, leaving the source alone', () => {
    const { pixels, expected, width, height } = rendered()
    const source = Buffer.from(pixels)
    const out = Buffer.alloc(pixels.length + height)
    copyRowsStraight(source, width, height, out, 1, width * 4 + 1)
    for (let y = 0; y < height; y++) {
      const row = out.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1))
      expect(row.equals(expected.subarray(y * width * 4, (y + 1) * width * 4)), `row ${y}`).toBe(true)
    }
    expect(source.equals(pixels)).toBe(true)
  })
})
