import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { readImageDimensions } from '../../src/index.js'
import { pngBytes } from './helpers/images.js'

describe('readImageDimensions reads the size from the header', () => {
  const raw = () => sharp({ create: { width: 37, height: 21, channels: 3, background: '#c33' } })
  test.each([
    ['jpeg', () => raw().jpeg().toBuffer()],
    ['webp', () => raw().webp().toBuffer()],
    ['webp', () => raw().webp({ lossless: true }).toBuffer()],
    ['gif', () => raw().gif().toBuffer()],
  ] as const)('%s made by sharp', async (format, make) => {
    expect(readImageDimensions(new Uint8Array(await make()))).toEqual({ format, width: 37, height: 21 })
  })

  test('png made by pngjs', () => {
    expect(readImageDimensions(pngBytes(5, 7))).toEqual({ format: 'png', width: 5, height: 7 })
  })

  test('svg and garbage have no pixel size', () => {
    expect(readImageDimensions(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined()
    expect(readImageDimensions(new Uint8Array([1, 2, 3]))).toBeUndefined()
  })
})
