import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { blurRgba } from '../../matchers/blur.js'
import { cardPixels } from './images.js'

// glur is what jest-image-snapshot blurs with; resolve it from jest-image-snapshot's own location.
const requireFromJis = createRequire(createRequire(import.meta.url).resolve('jest-image-snapshot'))
const glur = requireFromJis('glur') as (data: Uint8Array, width: number, height: number, radius: number) => void

describe('blurRgba is glur', () => {
  for (const radius of [0, 0.3, 1, 2, 5]) {
    it(`radius ${radius}`, () => {
      const a = cardPixels(83, 47, [{ x: 5, y: 5, width: 20, height: 3, color: [255, 0, 0, 128] }])
      const b = Buffer.from(a)
      blurRgba(a, 83, 47, radius)
      glur(b, 83, 47, radius)
      expect(a.equals(b)).toBe(true)
      if (radius >= 1) expect(a.equals(cardPixels(83, 47))).toBe(false)
    })
  }

  it('works on pixel data that is not 4-byte aligned', () => {
    const backing = Buffer.alloc(83 * 47 * 4 + 1)
    const unaligned = backing.subarray(1)
    cardPixels(83, 47).copy(unaligned)
    const expected = cardPixels(83, 47)
    glur(expected, 83, 47, 2)
    blurRgba(unaligned, 83, 47, 2)
    expect(Buffer.from(unaligned).equals(expected)).toBe(true)
  })
})
