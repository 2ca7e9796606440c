import { crc32 } from 'node:zlib'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { decodeRgba, pngHasPixels } from '../../matchers/png-decode.js'
import { encodePng } from '../../og/png-encode.js'
import { ImgmetaError } from '../../src/errors.js'
import { cardPixels, encodeWithPngjs, pngWithHeader } from './images.js'

const W = 97
const H = 41

function translucent(): Buffer {
  const data = cardPixels(W, H)
  for (let i = 3; i < data.length; i += 16) data[i] = (i * 7) % 256
  return data
}

describe('decodeRgba gives the same pixels as pngjs', () => {
  for (const filterType of [0, 1, 2, 3, 4, -1]) {
    for (const colorType of [6, 2] as const) {
      it(`filter ${filterType}, colour type ${colorType}`, () => {
        const png = encodeWithPngjs(colorType === 6 ? translucent() : cardPixels(W, H), W, H, { filterType, colorType })
        const ours = decodeRgba(png, 'test.png')
        const theirs = PNG.sync.read(png)
        expect([ours.width, ours.height]).toEqual([W, H])
        expect(ours.data.equals(theirs.data)).toBe(true)
      })
    }
  }

  it('grey and grey+alpha images (pngjs path) too', () => {
    for (const colorType of [0, 4] as const) {
      const png = encodeWithPngjs(cardPixels(W, H), W, H, { colorType })
      expect(decodeRgba(png, 'g.png').data.equals(PNG.sync.read(png).data)).toBe(true)
    }
  })

  it('a PNG split into several IDAT chunks', () => {
    const bytes = splitIdat(encodeWithPngjs(translucent(), W, H), 3)
    const idatCount = bytes.toString('latin1').split('IDAT').length - 1
    expect(idatCount).toBeGreaterThan(1)
    expect(decodeRgba(bytes, 'split.png').data.equals(PNG.sync.read(bytes).data)).toBe(true)
  })
})

/** Rewrites a single-IDAT PNG so that its image data is spread over `parts` IDAT chunks. */
function splitIdat(png: Buffer, parts: number): Buffer {
  const at = png.indexOf('IDAT') - 4
  const length = png.readUInt32BE(at)
  const data = png.subarray(at + 8, at + 8 + length)
  const size = Math.ceil(length / parts)
  const chunks: Buffer[] = []
  for (let i = 0; i < length; i += size) {
    const body = Buffer.concat([Buffer.from('IDAT'), data.subarray(i, i + size)])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(body.length - 4, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), body.length + 4)
    chunks.push(out)
  }
  return Buffer.concat([png.subarray(0, at), ...chunks, png.subarray(at + 12 + length)])
}

describe('decodeRgba refuses bad input clearly', () => {
  const good = encodeWithPngjs(cardPixels(W, H), W, H)

  function codeOf(fn: () => unknown): string {
    try {
      fn()
    } catch (error) {
      expect(error).toBeInstanceOf(ImgmetaError)
      return `${(error as ImgmetaError).code}: ${(error as Error).message}`
    }
    return 'no error'
  }

  it('truncated file', () => {
    expect(codeOf(() => decodeRgba(good.subarray(0, good.length - 30), 'ref.png'))).toMatch(
      /^invalid-image: ref\.png is a corrupt or truncated PNG/,
    )
  })

  it('corrupted image data', () => {
    const bad = Buffer.from(good)
    const idat = bad.indexOf('IDAT') + 4
    for (let i = idat + 10; i < idat + 40; i++) bad[i] = bad[i]! ^ 0x5a
    expect(codeOf(() => decodeRgba(bad, 'ref.png'))).toMatch(/^invalid-image: ref\.png is a corrupt or truncated PNG/)
  })

  it('a header claiming more pixels than the bound, before allocating', () => {
    expect(codeOf(() => decodeRgba(pngWithHeader(70_000, 70_000), 'big.png'))).toBe(
      'image-too-large: big.png claims 70000×70000 pixels, more than the limit of 67108864; it was not decoded.',
    )
  })

  it('an explicit smaller bound', () => {
    expect(codeOf(() => decodeRgba(good, 'ref.png', 100))).toMatch(/^image-too-large: ref\.png claims 97×41 pixels/)
  })

  it('not a PNG', () => {
    expect(codeOf(() => decodeRgba(Buffer.from('hello world, not a png at all......'), 'x'))).toMatch(/^invalid-image: x is not a PNG/)
  })
})

describe('pngHasPixels', () => {
  const image = () => ({ width: W, height: H, data: translucent() })

  it('holds for the same pixels however they are encoded: unfiltered (as imgmeta writes), filtered, or RGB', () => {
    const opaque = { width: W, height: H, data: cardPixels(W, H) }
    expect(pngHasPixels(encodePng(image().data, W, H), image(), 'reference')).toBe(true)
    for (const filterType of [0, 1, 2, 3, 4]) {
      expect(pngHasPixels(encodeWithPngjs(image().data, W, H, { filterType }), image(), 'reference'), `filter ${filterType}`).toBe(true)
    }
    expect(pngHasPixels(encodeWithPngjs(opaque.data, W, H, { colorType: 2 }), opaque, 'reference')).toBe(true)
  })

  it('fails for one channel of one pixel off, and for another size', () => {
    const changed = image()
    const at = (20 * W + 50) * 4 + 1
    changed.data[at] = changed.data[at]! ^ 1
    expect(pngHasPixels(encodePng(image().data, W, H), changed, 'reference')).toBe(false)
    expect(pngHasPixels(encodeWithPngjs(image().data, W, H, { filterType: 4 }), changed, 'reference')).toBe(false)
    expect(pngHasPixels(encodePng(cardPixels(W, H + 1), W, H + 1), image(), 'reference')).toBe(false)
  })

  it('throws for a corrupt PNG, as decoding does', () => {
    const png = encodePng(image().data, W, H)
    expect(() => pngHasPixels(png.subarray(0, png.length - 30), image(), 'reference')).toThrow(ImgmetaError)
  })
})
