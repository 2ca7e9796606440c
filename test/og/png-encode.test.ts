import { Resvg } from '@resvg/resvg-js'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { encodePng } from '../../og/png-encode.js'
import { straightAlpha } from '../../og/render.js'

// Opaque, translucent and fully transparent areas, so premultiplied and straight alpha differ.
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="97" height="61">' +
  '<rect width="60" height="61" fill="#123456"/>' +
  '<circle cx="50" cy="30" r="25" fill="rgba(255,40,0,0.45)"/>' +
  '<rect x="70" y="5" width="20" height="50" rx="6" fill="rgba(10,200,90,0.2)"/></svg>'

// Every alpha from 0 to 255 (rows) under colours that sweep each channel (columns), over an opaque strip, so
// the division meets nearly every (alpha, channel) pair and rows mix opaque and translucent runs.
const RAMPS_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="256">' +
  '<defs><linearGradient id="c" x1="0" x2="1"><stop offset="0" stop-color="#ff0000"/><stop offset="0.5" stop-color="#00ff7f"/>' +
  '<stop offset="1" stop-color="#2000ff"/></linearGradient>' +
  '<linearGradient id="a" x1="0" x2="0" y1="0" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0"/>' +
  '<stop offset="1" stop-color="#fff" stop-opacity="1"/></linearGradient>' +
  '<mask id="m"><rect width="600" height="256" fill="url(#a)"/></mask></defs>' +
  '<rect width="520" height="256" fill="url(#c)" mask="url(#m)"/>' +
  '<rect x="520" width="80" height="256" fill="#345"/></svg>'

function rasterize(svg = SVG) {
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render()
}

/** The same bytes at an offset that is not a multiple of 4, so no 32-bit view of them is possible. */
function misaligned(bytes: Uint8Array): Uint8Array {
  const backing = new Uint8Array(bytes.length + 1)
  backing.set(bytes, 1)
  return backing.subarray(1)
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

  it.each([
    ['shapes', SVG],
    ['alpha ramps', RAMPS_SVG],
  ])('turns premultiplied pixels straight while encoding: %s decode to resvg’s own asPng() pixels', (_, svg) => {
    const image = rasterize(svg)
    const expected = PNG.sync.read(image.asPng()).data
    const premultiplied = image.pixels
    const before = Buffer.from(premultiplied)
    const alphas = new Set<number>()
    for (let i = 3; i < premultiplied.length; i += 4) alphas.add(premultiplied[i]!)
    expect(alphas.size).toBeGreaterThan(svg === RAMPS_SVG ? 200 : 3)
    for (const input of [premultiplied, misaligned(premultiplied)]) {
      const png = encodePng(input, image.width, image.height, { premultiplied: true })
      expect(Buffer.compare(PNG.sync.read(png).data, expected)).toBe(0)
      // Same bytes as encoding pixels made straight first, and the caller's pixels are left as they were.
      expect(png.equals(encodePng(straightAlpha(Buffer.from(premultiplied)), image.width, image.height))).toBe(true)
    }
    expect(premultiplied.equals(before)).toBe(true)
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
