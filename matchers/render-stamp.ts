import { crc32 } from 'node:zlib'
import { chunksOf, type Chunk } from './png-chunks.js'

// A snapshot written from an imgmeta/og image records the key of the render that made it (og/render-key.ts)
// in a tEXt chunk, together with the CRC-32 of its image data. A later render with the same key would give the
// same bytes, so the matcher can pass it without rasterizing; the CRC makes sure the pixels in the file are still
// the ones that render wrote (an editor that keeps text chunks but changes the image breaks the stamp).

/** The tEXt keyword of the stamp. */
export const STAMP_KEYWORD = 'imgmeta-render'

function imageDataCrc(png: Uint8Array, chunks: Chunk[]): string {
  let crc = 0
  for (const chunk of chunks) {
    if (chunk.type === 'IDAT') crc = crc32(png.subarray(chunk.dataStart, chunk.dataStart + chunk.length), crc)
  }
  return crc.toString(16).padStart(8, '0')
}

function stampText(png: Uint8Array, chunks: Chunk[]): string | undefined {
  const prefix = `${STAMP_KEYWORD}\0`
  for (const chunk of chunks) {
    if (chunk.type !== 'tEXt' || chunk.length <= prefix.length) continue
    const text = Buffer.from(png.buffer, png.byteOffset + chunk.dataStart, chunk.length).toString('latin1')
    if (text.startsWith(prefix)) return text.slice(prefix.length)
  }
  return undefined
}

/**
 * The PNG with a stamp saying that `key`'s render made it (after IHDR, replacing an older stamp). Only the
 * stamp's chunk is added: the image data, and so every pixel, stays as it was.
 */
export function stampPng(png: Uint8Array, key: string): Buffer {
  const chunks = chunksOf(png)
  if (!chunks || chunks[0]?.type !== 'IHDR') throw new RangeError('stampPng: not a well-formed PNG')
  const data = Buffer.from(`${STAMP_KEYWORD}\0${key} ${imageDataCrc(png, chunks)}`, 'latin1')
  const stamp = Buffer.alloc(12 + data.length)
  stamp.writeUInt32BE(data.length, 0)
  stamp.write('tEXt', 4, 'latin1')
  data.copy(stamp, 8)
  stamp.writeUInt32BE(crc32(data, crc32(stamp.subarray(4, 8))), 8 + data.length)
  const ihdrEnd = chunks[0].dataStart + chunks[0].length + 4
  const parts: Uint8Array[] = [png.subarray(0, ihdrEnd), stamp]
  let from = ihdrEnd
  for (const chunk of chunks.slice(1)) {
    if (chunk.type === 'tEXt' && stampText(png, [chunk]) !== undefined) {
      parts.push(png.subarray(from, chunk.offset))
      from = chunk.dataStart + chunk.length + 4
    }
  }
  parts.push(png.subarray(from))
  return Buffer.concat(parts)
}

/** True when the PNG carries a stamp of `key`'s render and its image data is still what that render wrote. */
export function isStampedBy(png: Uint8Array, key: string): boolean {
  const chunks = chunksOf(png)
  if (!chunks) return false
  const text = stampText(png, chunks)
  return text !== undefined && text === `${key} ${imageDataCrc(png, chunks)}`
}

/**
 * True when the PNG carries a render stamp whose CRC still matches its image data: imgmeta wrote this file
 * (whatever render key), and its pixels are as written. `imgmeta update --prune` deletes only such files (or
 * files its manifest lists).
 */
export function hasRenderStamp(png: Uint8Array): boolean {
  const chunks = chunksOf(png)
  if (!chunks) return false
  const text = stampText(png, chunks)
  return text !== undefined && text.endsWith(` ${imageDataCrc(png, chunks)}`)
}
