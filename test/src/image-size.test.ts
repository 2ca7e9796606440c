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

  test('ico: the first image of the directory, 0 standing for 256', () => {
    const entry = (edge: number) => [edge, edge, 0, 0, 1, 0, 32, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    expect(readImageDimensions(new Uint8Array([0, 0, 1, 0, 2, 0, ...entry(48), ...entry(16)]))).toEqual({ format: 'ico', width: 48, height: 48 })
    expect(readImageDimensions(new Uint8Array([0, 0, 1, 0, 1, 0, ...entry(0)]))).toEqual({ format: 'ico', width: 256, height: 256 })
  })

  test('a truncated header has no size', async () => {
    const jpeg = new Uint8Array(await raw().jpeg().toBuffer())
    expect(readImageDimensions(jpeg.subarray(0, 12))).toBeUndefined()
    expect(readImageDimensions(pngBytes(5, 7).subarray(0, 12))).toBeUndefined()
  })

  test('svg and garbage have no pixel size', () => {
    expect(readImageDimensions(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined()
    expect(readImageDimensions(new Uint8Array([1, 2, 3]))).toBeUndefined()
  })
})
