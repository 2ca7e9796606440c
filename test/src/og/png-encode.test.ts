import { Resvg } from '@resvg/resvg-js'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { encodePng } from '../../../src/og/png-encode.js'
import { straightAlpha } from '../../../src/og/render.js'

// Opaque, translucent and fully transparent areas, so premultiplied and straight alpha differ.
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="97" height="61">' +
  '<rect width="60" height="61" fill="#123456"/>' +
  '<circle cx="50" cy="30" r="25" fill="rgba(255,40,0,0.45)"/>' +
  '<rect x="70" y="5" width="20" height="50" rx="6" fill="rgba(10,200,90,0.2)"/></svg>'

function rasterize() {
  return new Resvg(SVG, { font: { loadSystemFonts: false } }).render()
}

describe('encodePng', () => {
  it('writes a PNG that pngjs decodes to the same straight RGBA as resvg’s own encoder', () => {
    const image = rasterize()
    const expected = PNG.sync.read(image.asPng())
    const pixels = straightAlpha(image.pixels)
    const png = encodePng(pixels, image.width, image.height)
    const decoded = PNG.sync.read(png)
    expect([decoded.width, decoded.height]).toEqual([97, 61])
    expect(Buffer.compare(decoded.data, expected.data)).toBe(0)
  })

  it('is byte-deterministic and writes IHDR, IDAT, IEND with valid CRCs', () => {
    const pixels = straightAlpha(rasterize().pixels)
    const a = encodePng(pixels, 97, 61)
    const b = encodePng(Buffer.from(pixels), 97, 61)
    expect(a.equals(b)).toBe(true)
    const chunks: string[] = []
    for (let offset = 8; offset < a.length; ) {
      const length = a.readUInt32BE(offset)
      chunks.push(a.toString('ascii', offset + 4, offset + 8))
      offset += 12 + length
    }
    expect(chunks).toEqual(['IHDR', 'IDAT', 'IEND'])
    // pngjs checks every CRC and throws on a bad one.
    expect(() => PNG.sync.read(a, { checkCRC: true })).not.toThrow()
  })

  it('refuses a buffer whose length does not match the size', () => {
    expect(() => encodePng(Buffer.alloc(10), 2, 2)).toThrow('expected 16 bytes of RGBA for 2×2, got 10')
  })
})
