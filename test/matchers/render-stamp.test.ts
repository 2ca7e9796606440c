import { describe, expect, it } from 'vitest'
import { sameImageChunks } from '../../matchers/png-chunks.js'
import { isStampedBy, stampPng, STAMP_KEYWORD } from '../../matchers/render-stamp.js'
import { decodePng } from '../../src/png.js'
import { cardPixels, cardPng, encodeWithPngjs } from './images.js'

const KEY = 'a'.repeat(64)
const OTHER_KEY = 'b'.repeat(64)

function textChunks(png: Buffer): string[] {
  const texts: string[] = []
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset)
    if (png.toString('latin1', offset + 4, offset + 8) === 'tEXt') texts.push(png.toString('latin1', offset + 8, offset + 8 + length))
    offset += 12 + length
  }
  return texts
}

describe('render stamps', () => {
  it('adds one tEXt chunk and leaves every pixel as it was', () => {
    const png = cardPng()
    const stamped = stampPng(png, KEY)
    expect(stamped.length).toBeGreaterThan(png.length)
    expect(decodePng(stamped).data.equals(decodePng(png).data)).toBe(true)
    expect(textChunks(stamped)).toEqual([expect.stringMatching(new RegExp(`^${STAMP_KEYWORD}\0${KEY} [0-9a-f]{8}$`))])
  })

  it('is recognized for its own key only', () => {
    const stamped = stampPng(cardPng(), KEY)
    expect(isStampedBy(stamped, KEY)).toBe(true)
    expect(isStampedBy(stamped, OTHER_KEY)).toBe(false)
    expect(isStampedBy(cardPng(), KEY)).toBe(false)
    expect(isStampedBy(Buffer.from('not a png'), KEY)).toBe(false)
  })

  it('is broken when the image data changes under it (an editor that keeps text chunks)', () => {
    const stamped = stampPng(cardPng(), KEY)
    const edited = stampPng(cardPng(120, 63, [{ x: 5, y: 5, width: 2, height: 2, color: [255, 0, 0, 255] }]), KEY)
    // Graft the original stamp onto the edited image: the key matches, the image data no longer does.
    const stampText = textChunks(stamped)[0]!
    const grafted = Buffer.from(edited.toString('latin1').replace(textChunks(edited)[0]!, stampText), 'latin1')
    expect(textChunks(grafted)[0]).toBe(stampText)
    expect(isStampedBy(grafted, KEY)).toBe(false)
  })

  it('replaces an older stamp instead of adding a second one', () => {
    const twice = stampPng(stampPng(cardPng(), OTHER_KEY), KEY)
    expect(textChunks(twice)).toHaveLength(1)
    expect(isStampedBy(twice, KEY)).toBe(true)
    expect(isStampedBy(twice, OTHER_KEY)).toBe(false)
  })

  it('refuses what is not a PNG', () => {
    expect(() => stampPng(Buffer.from('GIF89a'), KEY)).toThrow(RangeError)
  })
})

describe('sameImageChunks', () => {
  it('holds for the same image with and without a stamp', () => {
    const png = cardPng()
    expect(sameImageChunks(png, stampPng(png, KEY))).toBe(true)
  })

  it('fails for different pixels, for the same pixels encoded differently, and for non-PNGs', () => {
    const pixels = cardPixels(120, 63)
    const png = encodeWithPngjs(pixels, 120, 63)
    expect(sameImageChunks(png, cardPng(120, 63, [{ x: 1, y: 1, width: 1, height: 1, color: [0, 0, 0, 255] }]))).toBe(false)
    expect(sameImageChunks(png, encodeWithPngjs(pixels, 120, 63, { filterType: 0 }))).toBe(false)
    expect(sameImageChunks(png, Buffer.from('nope'))).toBe(false)
  })
})
