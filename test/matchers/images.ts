// Test images made with pngjs, so the tests depend on nothing but the PNG format.
import { PNG } from 'pngjs'

/** An RGBA colour. */
export type Rgba = [number, number, number, number]

/** A rectangle painted over the card. */
export interface Block {
  x: number
  y: number
  width: number
  height: number
  color: Rgba
}

/** Encodes RGBA pixels with pngjs (optionally forcing a filter type or a colour type). */
export function encodeWithPngjs(
  data: Uint8Array,
  width: number,
  height: number,
  options: { filterType?: number; colorType?: 0 | 2 | 4 | 6; inputHasAlpha?: boolean } = {},
): Buffer {
  const png = new PNG({ width, height })
  png.data = Buffer.from(data)
  return PNG.sync.write(png, {
    colorType: options.colorType ?? 6,
    ...(options.filterType === undefined ? {} : { filterType: options.filterType }),
  })
}

/** A card-like image: a diagonal gradient, bands of "text" blocks, and optional blocks painted on top. */
export function cardPixels(width: number, height: number, blocks: Block[] = []): Buffer {
  const data = Buffer.alloc(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      const text = y % 60 > 30 && y % 60 < 50 && x % 17 < 12 && x > 60 && x < width - 60
      data[i] = text ? 20 : Math.round((x / width) * 200) + 30
      data[i + 1] = text ? 20 : Math.round((y / height) * 150) + 40
      data[i + 2] = text ? 40 : 180
      data[i + 3] = 255
    }
  }
  for (const b of blocks) {
    for (let y = b.y; y < b.y + b.height; y++) {
      for (let x = b.x; x < b.x + b.width; x++) data.set(b.color, (y * width + x) * 4)
    }
  }
  return data
}

/** A card-like PNG (see {@link cardPixels}). */
export function cardPng(width = 120, height = 63, blocks: Block[] = []): Buffer {
  return encodeWithPngjs(cardPixels(width, height, blocks), width, height)
}

/** A one-colour PNG. */
export function solidPng(width: number, height: number, color: Rgba): Buffer {
  const data = Buffer.alloc(width * height * 4)
  for (let i = 0; i < data.length; i += 4) data.set(color, i)
  return encodeWithPngjs(data, width, height)
}

/** A PNG whose IHDR claims the given size (valid CRC, no real pixel data): for bound checks. */
export function pngWithHeader(width: number, height: number): Buffer {
  const small = solidPng(1, 1, [0, 0, 0, 255])
  const out = Buffer.from(small)
  out.writeUInt32BE(width, 16)
  out.writeUInt32BE(height, 20)
  return out
}
